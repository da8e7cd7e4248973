import type { SchemaChange } from '../../api/change.js'
import { propertyPath } from '../../api/describe.js'
import type { OperationSamples, ResponsePlan, ResponseStep } from './adapter-plan.js'
import { createLedger, isSubjectChange, noteUnplaced, textValueTable, wireText, type Ledger, type OperationPair, type PlanContext } from './operation-context.js'
import { isJsonLike, statusClass, type StatusPair } from './pair-subjects.js'
import { statusName } from './names.js'

export interface ResponsesPlanPart {
  readonly responses: ReadonlyArray<ResponsePlan>
  readonly ledger: Ledger
  readonly samples: OperationSamples['responses']
}

/** Required headers of A that B no longer sends (or sends only sometimes): filled from A's default. */
function planHeaders(context: PlanContext, pair: OperationPair, status: StatusPair, steps: ResponseStep[], ledger: Ledger, stub: string): void {
  const where = `${pair.label} response ${status.newStatus}`
  for (const [name, before] of [...status.before.headers].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const after = status.after.headers.get(name)
    if (after !== undefined && (after.required || !before.required)) continue
    const what = after === undefined ? `header \`${name}\` removed` : `header \`${name}\` became optional`
    if (!before.required) ledger.note(where, what, 'none')
    else if (before.schema?.hasDefault) {
      steps.push({ kind: 'default-header', name, value: wireText(before.schema.default) })
      ledger.note(where, `${what}: A's default sent`, 'code')
    } else ledger.note(where, what, 'manual', stub)
  }
  for (const name of [...status.after.headers.keys()].sort()) {
    if (!status.before.headers.has(name)) ledger.note(where, `header \`${name}\` added`, 'none')
  }
  const bySubject = new Map<string, SchemaChange[]>()
  for (const change of pair.changes) {
    if (!isSubjectChange(change, 'header') || change.subject.kind !== 'header' || change.status !== status.newStatus) continue
    bySubject.set(change.subject.name, [...(bySubject.get(change.subject.name) ?? []), change])
  }
  for (const [name, changes] of [...bySubject].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = changes[0] as SchemaChange
    const result = textValueTable(context, first.before, first.after, 'downgrade', changes)
    for (const entry of result.entries) ledger.note(`${where} header \`${name}\``, entry.what, entry.treatment, entry.treatment === 'manual' ? stub : undefined)
    if (result.table !== undefined && result.table.length > 0) steps.push({ kind: 'map-header', name, table: result.table })
  }
}

function planStatus(context: PlanContext, pair: OperationPair, status: StatusPair, samples: Array<OperationSamples['responses'][number]>): { plan?: ResponsePlan; ledger: Ledger } {
  const ledger = createLedger()
  const steps: ResponseStep[] = []
  const { newStatus, oldStatus } = status
  const stub = `downgrade${pair.name}Response${statusName(newStatus)}ByHand`
  const where = `${pair.label} response ${newStatus}`
  if (newStatus !== oldStatus) ledger.note(`${pair.label} response`, `status \`${oldStatus}\` became \`${newStatus}\`: shown to A's clients as \`${oldStatus}\``, 'code')
  for (const { from, to } of status.media.pairs) {
    if (from.schema !== undefined && to.schema !== undefined) {
      const base = `${pair.name}Response${statusName(newStatus)}Body`
      const converter = context.planner.root(to.schema, from.schema, 'downgrade', base, `${where} body`)
      if (converter !== undefined) steps.push({ kind: 'body', mediaType: from.mediaType, converter })
      if (isJsonLike(from.mediaType) && !samples.some((s) => s.newStatus === newStatus)) {
        samples.push({ newStatus, oldStatus, new: from, old: to })
      }
    }
    if (from.mediaType !== to.mediaType) {
      steps.push({ kind: 'media-type', from: from.mediaType, to: to.mediaType })
      ledger.note(where, `media type \`${to.mediaType}\` became \`${from.mediaType}\`: shown to A's clients as \`${to.mediaType}\``, 'code')
    }
  }
  for (const media of status.media.unpaired) ledger.note(where, `media type \`${media.mediaType}\` added`, 'none')
  const oldTypes = new Set(status.media.pairs.map((p) => p.to.mediaType))
  for (const mediaType of [...status.before.content.keys()].sort()) {
    if (!oldTypes.has(mediaType)) ledger.note(where, `media type \`${mediaType}\` no longer sent`, 'none')
  }
  planHeaders(context, pair, status, steps, ledger, stub)
  const bodyChanges = pair.changes.filter(
    (c): c is SchemaChange => isSubjectChange(c, 'body') && c.direction === 'response' && c.status === newStatus,
  )
  noteUnplaced(context, bodyChanges, 'downgrade', (c) => `${where} body${c.path.length === 0 ? '' : ` \`${propertyPath(c.path)}\``}`, ledger, stub)
  if (steps.length === 0 && ledger.manual.length === 0 && newStatus === oldStatus) return { ledger }
  const manual = ledger.manual.length === 0 ? {} : { manual: { name: stub, input: 'response' as const, output: 'response' as const, reasons: ledger.manual } }
  return { plan: { newStatus, oldStatus, steps, ...manual }, ledger }
}

/**
 * Plans how each of B's responses for one operation is shown to A's clients: the status A knows,
 * the body converted back, media type and headers restored; a status A never documented that is a
 * success gets a stub (a client cannot handle a success it does not know).
 */
export function planResponses(context: PlanContext, pair: OperationPair): ResponsesPlanPart {
  const ledger = createLedger()
  const responses: ResponsePlan[] = []
  const samples: Array<OperationSamples['responses'][number]> = []
  for (const status of pair.pairing.responses) {
    const part = planStatus(context, pair, status, samples)
    ledger.entries.push(...part.ledger.entries)
    if (part.plan !== undefined) responses.push(part.plan)
  }
  for (const status of pair.pairing.addedStatuses) {
    const success = ['1', '2', '3'].includes(statusClass(status))
    const what = `status \`${status}\` added`
    const stub = `downgrade${pair.name}Response${statusName(status)}ByHand`
    ledger.note(`${pair.label} response`, what, success ? 'manual' : 'none', success ? stub : undefined)
    if (!success) continue
    const reasons = [`${pair.label} response: ${what}; A's clients do not know it`]
    responses.push({ newStatus: status, oldStatus: status, steps: [], manual: { name: stub, input: 'response', output: 'response', reasons } })
  }
  const paired = new Set(pair.pairing.responses.map((s) => s.oldStatus))
  for (const status of [...pair.before.responses.keys()].sort()) {
    if (!paired.has(status)) ledger.note(`${pair.label} response`, `status \`${status}\` no longer sent`, 'none')
  }
  return { responses, ledger, samples }
}
