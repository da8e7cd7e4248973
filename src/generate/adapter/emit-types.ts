import { ModuleDeclarationKind, StructureKind, type StatementStructures } from 'ts-morph'
import type { Version } from './adapter-plan.js'
import type { Schema } from '../../api/model.js'
import { objectMembers, typeText, type NameOf } from './render-type.js'
import type { TypeNames } from './type-names.js'
import type { VersionLabels } from './version-labels.js'

/**
 * `types.ts`: one namespace per version (`V1`, `V2`) with a type per named schema: every
 * component, and the unnamed schemas that converters take or return, named after where they sit.
 *
 * @example
 * // export namespace V1 { export type Pet = { id: number; name: string }; … }
 */
export function typesStatements(names: TypeNames, labels: VersionLabels): StatementStructures[] {
  return (['old', 'new'] as const).map((version: Version) => ({
    kind: StructureKind.Module,
    declarationKind: ModuleDeclarationKind.Namespace,
    name: labels.namespaces[version],
    isExported: true,
    docs: [`Types of version ${labels[version]}.`],
    statements: names.declarations(version).map(([name, schema]) => declaration(name, schema, (other) => names.nameOf(version, other))),
  }))
}

/** A plain object schema is an interface (one property per line); anything else a type alias. */
function isPlainObject(schema: Schema): boolean {
  const objectOnly = schema.types === undefined ? schema.properties.size > 0 : schema.types.size === 1 && schema.types.has('object')
  return objectOnly && schema.enum === undefined && schema.allOf === undefined && schema.oneOf === undefined && schema.anyOf === undefined
}

function declaration(name: string, schema: Schema, nameOf: NameOf): StatementStructures {
  if (!isPlainObject(schema)) return { kind: StructureKind.TypeAlias, name, isExported: true, type: typeText(schema, nameOf, true) }
  const members = objectMembers(schema, nameOf)
  return {
    kind: StructureKind.Interface,
    name,
    isExported: true,
    properties: members.filter((m) => !m.key.startsWith('[')).map((m) => ({ name: m.key, type: m.type, hasQuestionToken: m.optional })),
    indexSignatures: members.filter((m) => m.key.startsWith('[')).map((m) => ({ keyName: 'key', keyType: 'string', returnType: m.type })),
  }
}
