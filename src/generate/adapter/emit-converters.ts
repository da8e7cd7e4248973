import { StructureKind, type StatementStructures } from 'ts-morph'
import type { BranchTest, Child, ConverterPlan, ManualStub, ObjectStep, TypeRef, ValueStep } from './adapter-plan.js'
import { literal, quote } from './names.js'
import type { VersionLabels } from './version-labels.js'

/** `V1.Pet` for a type of the old version. */
export function typeSource(ref: TypeRef | 'request' | 'response', labels: VersionLabels): string {
  if (ref === 'request') return 'AdapterRequest'
  if (ref === 'response') return 'AdapterResponse'
  return `${labels.namespaces[ref.version]}.${ref.name}`
}

function valueCall(step: ValueStep, used: Set<string>): string {
  const helper = step.kind === 'map-values' ? 'mapValue' : step.kind === 'replace-null' ? 'replaceNull' : step.to === 'string' ? 'coerceToString' : 'coerceToInteger'
  used.add(helper)
  if (step.kind === 'map-values') return `${helper}(out, ${literal(step.table)})`
  if (step.kind === 'replace-null') return `${helper}(out, ${literal(step.value)})`
  return `${helper}(out)`
}

function testLiteral(test: BranchTest): string {
  const types = test.types === undefined ? '' : `types: ${literal(test.types)}, `
  return `{ ${types}required: ${literal(test.required)}, fixed: ${literal(test.fixed)} }`
}

function childCall(child: Exclude<Child, { kind: 'property' }>, used: Set<string>): string {
  switch (child.kind) {
    case 'items':
      used.add('convertItems')
      return `convertItems(out, ${child.converter})`
    case 'values':
      used.add('convertValues')
      return `convertValues(out, ${child.converter})`
    case 'tuple':
      used.add('convertTupleItem')
      return `convertTupleItem(out, ${child.index}, ${child.converter})`
    case 'all-of':
      return `${child.converter}(out as never)`
    case 'branches': {
      used.add('convertBranches')
      const rows = child.branches.map((branch) => `[${testLiteral(branch.test)}, ${branch.converter ?? 'undefined'}]`)
      return `convertBranches(out, [\n${rows.map((row) => `  ${row},`).join('\n')}\n])`
    }
  }
}

function objectLine(step: ObjectStep, used: Set<string>): string {
  switch (step.kind) {
    case 'rename':
      used.add('renameProperty')
      return `renameProperty(object, ${quote(step.from)}, ${quote(step.to)});`
    case 'delete':
      used.add('deleteProperty')
      return `deleteProperty(object, ${quote(step.name)});`
    case 'default':
      used.add('defaultProperty')
      return `defaultProperty(object, ${quote(step.name)}, ${literal(step.value)});`
    case 'copy':
      used.add('copyProperty')
      return `copyProperty(object, ${quote(step.from)}, ${quote(step.to)});`
  }
}

/**
 * The statements of a converter: value steps, then items/union children, then one object edit
 * (property children on the input side's names, renames, deletions, defaults), then the stub.
 */
function converterBody(plan: ConverterPlan, labels: VersionLabels, used: Set<string>): string {
  const calls = plan.values.map((step) => valueCall(step, used))
  const properties = plan.children.flatMap((child) => (child.kind === 'property' ? [child] : []))
  for (const child of plan.children) if (child.kind !== 'property') calls.push(childCall(child, used))
  const lines = [
    ...properties.map((child) => {
      used.add('convertProperty')
      return `convertProperty(object, ${quote(child.name)}, ${child.converter});`
    }),
    ...plan.objects.map((step) => objectLine(step, used)),
  ]
  if (lines.length > 0) {
    used.add('editObject')
    calls.push(`editObject(out, (object) => {\n${lines.map((line) => `  ${line}`).join('\n')}\n})`)
  }
  const output = typeSource(plan.output, labels)
  const result = (expression: string): string =>
    plan.manual === undefined ? `return ${expression} as ${output};` : `return ${plan.manual.name}(value, ${expression} as ${output});`
  if (calls.length === 0) return plan.manual === undefined ? 'return value;' : `return ${plan.manual.name}(value, value as unknown as ${output});`
  if (calls.length === 1) return result((calls[0] as string).replace(/\bout\b/, 'value'))
  return ['let out: unknown = value;', ...calls.map((call) => `out = ${call};`), result('out')].join('\n')
}

function docsOf(plan: ConverterPlan, labels: VersionLabels): string {
  const [from, to] = plan.side === 'upgrade' ? [labels.old, labels.new] : [labels.new, labels.old]
  const verb = plan.side === 'upgrade' ? 'Upgrades' : 'Downgrades'
  const lines = [`${verb} ${plan.subject} from version ${from} to ${to}.`]
  if (plan.notes.length > 0) lines.push('', ...plan.notes.map((note) => `- ${note}`))
  if (plan.manual !== undefined) lines.push('', `Part of it needs a person: see \`${plan.manual.name}\` in manual.ts.`)
  return lines.join('\n')
}

/** `converters.ts`: one function per schema pair and direction, plus the imports they use. */
export function converterStatements(plans: ReadonlyArray<ConverterPlan>, labels: VersionLabels): StatementStructures[] {
  const used = new Set<string>()
  const functions: StatementStructures[] = plans.map((plan) => ({
    kind: StructureKind.Function,
    name: plan.name,
    isExported: true,
    docs: [docsOf(plan, labels)],
    parameters: [{ name: 'value', type: typeSource(plan.input, labels) }],
    returnType: typeSource(plan.output, labels),
    statements: [converterBody(plan, labels, used)],
  }))
  const stubs = plans.flatMap((plan) => (plan.manual === undefined ? [] : [plan.manual.name]))
  return [...importsOf(used, stubs, plans.length > 0, labels), ...functions]
}

function importsOf(used: ReadonlySet<string>, stubs: ReadonlyArray<string>, typed: boolean, labels: VersionLabels): StatementStructures[] {
  const out: StatementStructures[] = []
  if (used.size > 0) out.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: './runtime.js', namedImports: [...used].sort() })
  if (stubs.length > 0) out.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: './manual.js', namedImports: [...stubs].sort() })
  if (typed) {
    const namespaces = [labels.namespaces.old, labels.namespaces.new].sort()
    out.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './types.js', namedImports: namespaces })
  }
  return out
}

/** The stubs of a plan's converters and operations, for manual.ts. */
export function stubStatement(stub: ManualStub, labels: VersionLabels): StatementStructures {
  const message = `not implemented: ${stub.reasons.join('; ')}`
  return {
    kind: StructureKind.Function,
    name: stub.name,
    isExported: true,
    docs: [
      [
        'Needs a person:',
        ...stub.reasons.map((reason) => `- ${reason}`),
        '',
        '`original` is the value before conversion, `converted` what the generated steps made of it;',
        'return what the other version must see.',
      ].join('\n'),
    ],
    parameters: [
      { name: '_original', type: typeSource(stub.input, labels) },
      { name: '_converted', type: typeSource(stub.output, labels) },
    ],
    returnType: typeSource(stub.output, labels),
    statements: [`throw new Error(${quote(message)});`],
  }
}
