import type { Discriminator, JsonType, Schema } from '../../api/model.js'
import type { BranchTest } from './adapter-plan.js'

/**
 * What tells a value of this union branch from the others at run time: its types, its required
 * properties and the properties whose value is fixed (one-value enums, the discriminator's value).
 *
 * @example
 * branchTest(cat, { propertyName: 'kind', mapping: new Map([['cat', '/components/schemas/Cat']]) })
 * // { types: ['object'], required: ['kind', 'name'], fixed: [['kind', ['cat']]] }
 */
export function branchTest(branch: Schema, discriminator: Discriminator | undefined): BranchTest {
  const fixed = new Map<string, ReadonlyArray<unknown>>()
  for (const [name, property] of [...branch.properties].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (property.enum?.length === 1) fixed.set(name, property.enum)
  }
  if (discriminator !== undefined) {
    const values = [...discriminator.mapping]
      .filter(([, target]) => target === branch.ref.pointer || (branch.name !== undefined && target.endsWith(`/${branch.name}`)))
      .map(([value]) => value)
      .sort()
    if (values.length > 0) fixed.set(discriminator.propertyName, values)
    else if (branch.name !== undefined && !fixed.has(discriminator.propertyName)) {
      fixed.set(discriminator.propertyName, [branch.name]) // OpenAPI's implicit mapping: the component name
    }
  }
  const types = branch.types === undefined ? undefined : ([...branch.types].sort() as JsonType[])
  return { ...(types === undefined ? {} : { types }), required: [...branch.required].sort(), fixed: [...fixed] }
}
