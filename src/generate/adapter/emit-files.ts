import { StructureKind, type StatementStructures } from 'ts-morph'
import type { AdapterPlan, ManualStub } from './adapter-plan.js'
import type { Samples } from './build-samples.js'
import { checklistMarkdown } from './emit-checklist.js'
import { converterStatements, stubStatement } from './emit-converters.js'
import { operationStatements } from './emit-operations.js'
import { typesStatements } from './emit-types.js'
import { coreSource } from './core-source.js'
import { messagesSource } from './messages-source.js'
import { expressSource, fastifySource } from './middleware-source.js'
import { runtimeSource } from './runtime-source.js'
import { createPrinter, header, headerMarker, type GeneratedFile, type Provenance } from './source-printer.js'
import { testsSource } from './tests-source.js'
import type { TypeNames } from './type-names.js'
import type { VersionLabels } from './version-labels.js'

type Statements = Array<StatementStructures | string>

const indexSource = `
export { downgradeResponse, findRoute, isApiVersion, latestVersion, resolveVersion, upgradeRequest, versions } from './core.js';
export type { ApiVersion, UnsupportedVersion, VersionOptions, VersionResolution } from './core.js';
export { expressAdapter } from './express.js';
export { fastifyAdapter } from './fastify.js';
export type { AdapterRequest, AdapterResponse } from './runtime.js';
`

function stubsOf(plan: AdapterPlan): ManualStub[] {
  const stubs: ManualStub[] = []
  for (const converter of plan.converters) if (converter.manual !== undefined) stubs.push(converter.manual)
  for (const operation of plan.operations) {
    if (operation.requestManual !== undefined) stubs.push(operation.requestManual)
    for (const response of operation.responses) if (response.manual !== undefined) stubs.push(response.manual)
  }
  return stubs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

function manualStatements(plan: AdapterPlan, labels: VersionLabels): Statements {
  const stubs = stubsOf(plan)
  if (stubs.length === 0) return ['export {};']
  const sides = stubs.flatMap((stub) => [stub.input, stub.output])
  const runtime = ['AdapterRequest', 'AdapterResponse'].filter((name) => sides.includes(name === 'AdapterRequest' ? 'request' : 'response'))
  const namespaces = [...new Set(sides.flatMap((side) => (typeof side === 'string' ? [] : [labels.namespaces[side.version]])))].sort()
  const imports: Statements = []
  if (runtime.length > 0) imports.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './runtime.js', namedImports: runtime })
  if (namespaces.length > 0) imports.push({ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: './types.js', namedImports: namespaces })
  return [...imports, ...stubs.map((stub) => stubStatement(stub, labels))]
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/**
 * Every file of the adapter, as text: TypeScript printed with ts-morph, the JSON schemas and
 * samples the tests read, and ADAPTER.md. The same plan always gives the same bytes.
 */
export function emitFiles(
  plan: AdapterPlan,
  names: TypeNames,
  labels: VersionLabels,
  samples: Samples,
  schemas: { readonly old: Record<string, unknown>; readonly new: Record<string, unknown> },
  provenance: Provenance,
): GeneratedFile[] {
  const printer = createPrinter()
  const ts = (path: string, statements: Statements, ownership: GeneratedFile['ownership'] = 'generated'): GeneratedFile => ({
    path,
    text: printer.print(path, { statements: statements.length === 0 ? ['export {};'] : statements }, header(provenance, ownership)),
    ownership,
  })
  const comment = `${headerMarker} from ${provenance.oldFile} and ${provenance.newFile}. Do not edit: rerun rollsafe adapter.`
  return [
    { path: 'ADAPTER.md', text: checklistMarkdown(`<!-- ${comment} -->`, labels, plan.entries, samples.missing), ownership: 'generated' },
    ts('adapter.test.ts', [testsSource]),
    ts('converters.ts', converterStatements(plan.converters, labels)),
    ts('core.ts', [coreSource(labels)]),
    ts('express.ts', [expressSource]),
    ts('fastify.ts', [fastifySource]),
    ts('index.ts', [indexSource]),
    ts('manual.ts', manualStatements(plan, labels), 'stubs'),
    ts('messages.ts', [messagesSource]),
    ts('operations.ts', operationStatements(plan.operations)),
    ts('runtime.ts', [runtimeSource]),
    { path: 'samples.json', text: json({ $comment: comment, requests: samples.requests, responses: samples.responses }), ownership: 'generated' },
    { path: 'schema-new.json', text: json(schemas.new), ownership: 'generated' },
    { path: 'schema-old.json', text: json(schemas.old), ownership: 'generated' },
    ts('types.ts', typesStatements(names, labels)),
  ]
}
