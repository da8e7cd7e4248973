import type { ApiChange } from '../../api/change.js'
import { diffApi } from '../../api/diff-api.js'
import { createSchemaDiffer } from '../../api/diff-schemas.js'
import type { ApiModel, Operation } from '../../api/model.js'
import type { AdapterPlan, Entry, OperationPlan } from './adapter-plan.js'
import { createChangeIndex, isSchemaChange, sideOf, type ChangeIndex } from './change-index.js'
import type { Hints } from './extensions.js'
import { createNameAllocator, pascalCase, statusName } from './names.js'
import type { OperationPair, PlanContext } from './operation-context.js'
import { pairOperation, type OperationPairing } from './pair-subjects.js'
import { createConverterPlanner } from './plan-converters.js'
import { planRequest } from './plan-request.js'
import { planResponses } from './plan-responses.js'
import { createTypeNames, type TypeNames } from './type-names.js'

const labelOf = (operation: Operation): string => `${operation.method} ${operation.path}`

function withOnly(model: ApiModel, key: string, operation: Operation): ApiModel {
  return { ...model, operations: new Map([[key, { ...operation, key }]]) }
}

/** Endpoints B moved: declared with `x-rollsafe-moved-from`, or the same method and operationId. */
function findMoves(old: ApiModel, next: ApiModel, changes: ReadonlyArray<ApiChange>, hints: Hints): Map<string, Operation> {
  const removed = changes.flatMap((c) => (c.kind === 'operation-removed' ? [c.before] : []))
  const added = changes.flatMap((c) => (c.kind === 'operation-added' ? [c.after] : []))
  const moves = new Map<string, Operation>()
  for (const after of added) {
    const from = hints.movedFrom(after)
    const before = removed.find(
      (op) =>
        !moves.has(op.key) &&
        op.method === after.method &&
        (from !== undefined ? op.path === from : op.operationId !== undefined && op.operationId === after.operationId),
    )
    if (before !== undefined && old.operations.has(before.key) && next.operations.has(after.key)) moves.set(before.key, after)
  }
  return moves
}

/** Compares the schema pairs the diff could not pair itself: a changed status or media type. */
function diffRepairedPairs(index: ChangeIndex, pairing: OperationPairing): void {
  const request = createSchemaDiffer({ before: 'request', after: 'request' })
  const response = createSchemaDiffer({ before: 'response', after: 'response' })
  for (const { from, to } of pairing.request.pairs) {
    if (from.mediaType === to.mediaType || from.schema === undefined || to.schema === undefined) continue
    index.add(request.diff(from.schema, to.schema), 'upgrade')
  }
  for (const status of pairing.responses) {
    for (const { from, to } of status.media.pairs) {
      if (from.schema === undefined || to.schema === undefined) continue
      if (status.newStatus === status.oldStatus && from.mediaType === to.mediaType) continue
      index.add(response.diff(to.schema, from.schema), 'downgrade')
    }
  }
}

function operationName(operation: Operation, counterpart: Operation | undefined): string {
  const id = counterpart?.operationId ?? operation.operationId
  if (id !== undefined) return pascalCase(id)
  const path = operation.path.replace(/\{([^}]*)\}/g, ' by $1 ')
  return pascalCase(`${operation.method.toLowerCase()} ${path}`)
}

const operationLevel: Readonly<Record<string, (change: ApiChange) => string>> = {
  'operation-deprecated-changed': () => 'deprecation changed',
  'operation-sunset-changed': () => 'sunset date changed',
  'operation-id-changed': () => 'operationId changed',
  'roundtrip-mismatch': () => "a value read from B may not fit A's request (review the data, not the wire)",
}

/**
 * The whole plan of the translation layer: every operation of A (so the runtime can match its
 * paths), how each changed one is upgraded and downgraded, the schema converters they use, and
 * the account of every change the diff found.
 *
 * @example
 * const { plan } = planAdapter(oldModel, newModel, diffApi(oldModel, newModel), hints)
 * plan.operations.find((op) => op.key === 'POST /pets')?.request // [{ kind: 'body', … }]
 */
export function planAdapter(old: ApiModel, next: ApiModel, changes: ReadonlyArray<ApiChange>, hints: Hints): { readonly plan: AdapterPlan; readonly names: TypeNames } {
  const names = createTypeNames(old, next)
  const index = createChangeIndex(changes)
  const moves = findMoves(old, next, changes, hints)
  const byOperation = new Map<string, ApiChange[]>()
  for (const change of changes) byOperation.set(change.operation, [...(byOperation.get(change.operation) ?? []), change])
  for (const [key, after] of moves) {
    const moved = diffApi(withOnly(old, after.key, old.operations.get(key) as Operation), withOnly(next, after.key, after))
    for (const change of moved) if (isSchemaChange(change)) index.add([change], sideOf(change))
    byOperation.set(key, [...moved])
  }
  const context: PlanContext = { planner: createConverterPlanner(names, hints, index.at), index, hints, names }
  const operationNames = createNameAllocator()
  const keys = [...old.operations.keys()].sort()
  const pairs = new Map<string, OperationPair>()
  for (const key of keys) {
    const before = old.operations.get(key) as Operation
    const after = next.operations.get(key) ?? moves.get(key)
    const name = operationNames.take(operationName(before, after))
    if (after === undefined) continue
    const statuses = [...after.responses.keys()].map(statusName)
    const reserved = [`upgrade${name}Request`, `downgrade${name}Response`, ...statuses.map((status) => `downgrade${name}Response${status}`)]
    context.planner.reserve([...reserved, ...reserved.map((fn) => `${fn}ByHand`)])
    const pairing = pairOperation(before, after)
    diffRepairedPairs(index, pairing)
    pairs.set(key, { name, label: labelOf(before), before, after, changes: byOperation.get(key) ?? [], pairing })
  }
  const entries: Entry[] = []
  const operations: OperationPlan[] = []
  for (const key of keys) {
    const before = old.operations.get(key) as Operation
    const pair = pairs.get(key)
    const common = { key, method: before.method, oldPath: before.path }
    if (pair === undefined) {
      const name = `upgrade${operationName(before, undefined)}RequestByHand`
      entries.push({ where: labelOf(before), what: 'operation removed in B', treatment: 'manual', by: name })
      const requestManual = { name, input: 'request', output: 'request', reasons: [`${labelOf(before)}: operation removed in B`] } as const
      operations.push({ ...common, name: operationName(before, undefined), newPath: before.path, request: [], requestManual, responses: [], changed: true, statuses: [], samples: { responses: [] } })
      continue
    }
    if (moves.has(key)) entries.push({ where: pair.label, what: `moved to \`${pair.after.path}\`: an alias route`, treatment: 'code' })
    for (const change of pair.changes) {
      const describe = operationLevel[change.kind]
      if (describe !== undefined) entries.push({ where: pair.label, what: describe(change), treatment: 'none' })
    }
    const request = planRequest(context, pair)
    const responses = planResponses(context, pair)
    entries.push(...request.ledger.entries, ...responses.ledger.entries)
    const stub = `upgrade${pair.name}RequestByHand`
    const requestManual = request.ledger.manual.length === 0 ? {} : { requestManual: { name: stub, input: 'request', output: 'request', reasons: request.ledger.manual } as const }
    operations.push({
      ...common,
      name: pair.name,
      // Same key, other parameter names (`{petId}` → `{id}`): the same route, nothing to move.
      newPath: moves.has(key) ? pair.after.path : before.path,
      request: request.steps,
      ...requestManual,
      responses: responses.responses,
      changed: pair.changes.length > 0 || moves.has(key),
      statuses: [...pair.after.responses.keys()].sort(),
      samples: { ...(request.sample === undefined ? {} : { requestBody: request.sample }), responses: responses.samples },
    })
  }
  for (const change of changes) {
    if (change.kind === 'operation-added' && ![...moves.values()].includes(change.after)) {
      entries.push({ where: change.label, what: "operation added (A's clients never call it)", treatment: 'none' })
    }
  }
  entries.push(...context.planner.entries())
  return { plan: { converters: context.planner.converters(), operations, entries: dedupe(entries) }, names }
}

function dedupe(entries: ReadonlyArray<Entry>): Entry[] {
  const seen = new Set<string>()
  return entries.filter((entry) => {
    const key = `${entry.where}\u0000${entry.what}\u0000${entry.treatment}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
