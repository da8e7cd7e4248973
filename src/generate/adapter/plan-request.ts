import type { ApiChange, SchemaChange } from '../../api/change.js'
import { describeParameter, propertyPath } from '../../api/describe.js'
import type { Parameter } from '../../api/model.js'
import type { OperationSamples, ParameterLocation, RequestStep } from './adapter-plan.js'
import { createLedger, isSubjectChange, noteUnplaced, textValueTable, wireText, type Ledger, type OperationPair, type PlanContext } from './operation-context.js'
import { isJsonLike } from './pair-subjects.js'

export interface RequestPlanPart {
  readonly steps: ReadonlyArray<RequestStep>
  readonly ledger: Ledger
  readonly sample?: OperationSamples['requestBody']
}

type ParameterChange = Extract<ApiChange, { kind: 'parameter-added' | 'parameter-removed' }>

function sameParameterType(a: Parameter, b: Parameter): boolean {
  const types = (p: Parameter): string => (p.schema?.types === undefined ? '*' : [...p.schema.types].sort().join(','))
  return a.in === b.in && types(a) === types(b)
}

/** Removed and added parameters that are one parameter renamed: declared, or the only pair of one type. */
function parameterRenames(context: PlanContext, changes: ReadonlyArray<ApiChange>): Array<readonly [Parameter, Parameter]> {
  const removed = changes.filter((c): c is Extract<ParameterChange, { kind: 'parameter-removed' }> => c.kind === 'parameter-removed').map((c) => c.before)
  const added = changes.filter((c): c is Extract<ParameterChange, { kind: 'parameter-added' }> => c.kind === 'parameter-added').map((c) => c.after)
  const out: Array<readonly [Parameter, Parameter]> = []
  for (const after of added) {
    const declared = context.hints.parameterRenamedFrom(after)
    const before = removed.find((p) => p.in === after.in && p.name === declared)
    if (before !== undefined) out.push([before, after])
  }
  for (const where of ['query', 'header', 'cookie'] as const) {
    const gone = removed.filter((p) => p.in === where && !out.some(([b]) => b === p))
    const came = added.filter((p) => p.in === where && !out.some(([, a]) => a === p))
    if (gone.length === 1 && came.length === 1 && sameParameterType(gone[0] as Parameter, came[0] as Parameter)) {
      out.push([gone[0] as Parameter, came[0] as Parameter])
    }
  }
  return out
}

function planParameters(context: PlanContext, pair: OperationPair, steps: RequestStep[], ledger: Ledger, stub: string): void {
  const where = `${pair.label} request`
  const renames = parameterRenames(context, pair.changes)
  for (const [before, after] of renames) {
    steps.push({ kind: 'rename-parameter', in: before.in, from: before.name, to: after.name })
    ledger.note(where, `${describeParameter(before)} renamed to \`${after.name}\``, 'code')
  }
  const renamedAway = new Set(renames.map(([b]) => b))
  const renamedTo = new Set(renames.map(([, a]) => a))
  for (const change of pair.changes) {
    if (change.kind === 'parameter-added' && !renamedTo.has(change.after)) {
      const p = change.after
      if (!p.required) ledger.note(where, `optional ${describeParameter(p)} added`, 'none')
      else if (p.schema?.hasDefault) {
        steps.push({ kind: 'default-parameter', in: p.in, name: p.name, value: wireText(p.schema.default) })
        ledger.note(where, `required ${describeParameter(p)} added: its default is sent`, 'code')
      } else ledger.note(where, `required ${describeParameter(p)} added without a default`, 'manual', stub)
    } else if (change.kind === 'parameter-removed' && !renamedAway.has(change.before)) {
      steps.push({ kind: 'delete-parameter', in: change.before.in, name: change.before.name })
      ledger.note(where, `${describeParameter(change.before)} removed: dropped from A's requests`, 'lossy')
    } else if (change.kind === 'parameter-required-changed') {
      const p = change.after
      if (!p.required) ledger.note(where, `${describeParameter(p)} became optional`, 'none')
      else if (p.schema?.hasDefault) {
        steps.push({ kind: 'default-parameter', in: p.in, name: p.name, value: wireText(p.schema.default) })
        ledger.note(where, `${describeParameter(p)} became required: its default is sent when absent`, 'code')
      } else ledger.note(where, `${describeParameter(p)} became required`, 'manual', stub)
    } else if (change.kind === 'parameter-serialization-changed') {
      ledger.note(where, `${describeParameter(change.after)} serialization changed`, 'manual', stub)
    } else if (change.kind === 'parameter-deprecated-changed') {
      ledger.note(where, `${describeParameter(change.after)} deprecation changed`, 'none')
    }
  }
  planParameterValues(context, pair, steps, ledger, stub)
}

/** Enum renames in a parameter's values become a table; other value changes need a person. */
function planParameterValues(context: PlanContext, pair: OperationPair, steps: RequestStep[], ledger: Ledger, stub: string): void {
  const bySubject = new Map<string, SchemaChange[]>()
  for (const change of pair.changes) {
    if (!isSubjectChange(change, 'parameter') || change.subject.kind !== 'parameter') continue
    const key = `${change.subject.in}:${change.subject.name}`
    bySubject.set(key, [...(bySubject.get(key) ?? []), change])
  }
  for (const [, changes] of [...bySubject].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const first = changes[0] as SchemaChange
    if (first.subject.kind !== 'parameter') continue
    const { in: location, name } = first.subject
    const where = `${pair.label} request ${location} parameter \`${name}\``
    const root = changes.filter((c) => c.path.length === 0)
    const result = textValueTable(context, first.before, first.after, 'upgrade', changes)
    for (const entry of result.entries) ledger.note(where, entry.what, entry.treatment, entry.treatment === 'manual' ? stub : undefined)
    if (result.table !== undefined && result.table.length > 0) {
      steps.push({ kind: 'map-parameter', in: location as ParameterLocation, name, table: result.table })
    }
    const oldDefault = root.find((c) => c.kind === 'default-changed')?.before
    if (oldDefault?.hasDefault) {
      steps.push({ kind: 'default-parameter', in: location as ParameterLocation, name, value: wireText(oldDefault.default) })
      ledger.note(where, `A's default \`${wireText(oldDefault.default)}\` sent when absent`, 'code')
    }
  }
}

function planBody(context: PlanContext, pair: OperationPair, steps: RequestStep[], ledger: Ledger, stub: string): RequestPlanPart['sample'] {
  const where = `${pair.label} request`
  let sample: RequestPlanPart['sample']
  for (const change of pair.changes) {
    if (change.kind === 'request-body-added') {
      ledger.note(where, `${change.required ? 'required' : 'optional'} request body added`, change.required ? 'manual' : 'none', change.required ? stub : undefined)
    } else if (change.kind === 'request-body-removed') {
      steps.push({ kind: 'delete-body' })
      ledger.note(where, "request body removed: dropped from A's requests", 'lossy')
    } else if (change.kind === 'request-body-required-changed') {
      ledger.note(where, `request body became ${change.required ? 'required' : 'optional'}`, change.required ? 'manual' : 'none', change.required ? stub : undefined)
    } else if (change.kind === 'media-type-added' && change.direction === 'request') {
      const used = pair.pairing.request.pairs.some((p) => p.to.mediaType === change.media.mediaType && p.from.mediaType !== p.to.mediaType)
      if (!used) ledger.note(where, `media type \`${change.media.mediaType}\` added`, 'none')
    }
  }
  for (const media of pair.pairing.request.unpaired) {
    ledger.note(where, `media type \`${media.mediaType}\` removed and no JSON type replaces it`, 'manual', stub)
  }
  for (const { from, to } of pair.pairing.request.pairs) {
    if (from.mediaType !== to.mediaType) {
      steps.push({ kind: 'media-type', from: from.mediaType, to: to.mediaType })
      ledger.note(where, `media type \`${from.mediaType}\` replaced by \`${to.mediaType}\``, 'code')
    }
    if (from.schema === undefined || to.schema === undefined) continue
    const converter = context.planner.root(from.schema, to.schema, 'upgrade', `${pair.name}RequestBody`, `${where} body`)
    if (converter !== undefined) steps.push({ kind: 'body', mediaType: from.mediaType, converter })
    if (sample === undefined && isJsonLike(from.mediaType)) sample = { old: from, new: to }
  }
  const bodyChanges = pair.changes.filter((c): c is SchemaChange => isSubjectChange(c, 'body') && c.direction === 'request')
  noteUnplaced(context, bodyChanges, 'upgrade', (c) => `${where} body${c.path.length === 0 ? '' : ` \`${propertyPath(c.path)}\``}`, ledger, stub)
  return sample
}

/**
 * Plans how A's request for one operation becomes B's: parameters (renamed, defaulted, dropped,
 * values mapped), body (converted, media type changed, dropped) and what needs a person
 * (security, a new required body, anything no converter reaches).
 */
export function planRequest(context: PlanContext, pair: OperationPair): RequestPlanPart {
  const steps: RequestStep[] = []
  const ledger = createLedger()
  const stub = `upgrade${pair.name}RequestByHand`
  planParameters(context, pair, steps, ledger, stub)
  const sample = planBody(context, pair, steps, ledger, stub)
  for (const change of pair.changes) {
    if (change.kind === 'security-requirement-removed') {
      ledger.note(`${pair.label} request`, `security requirement ${change.schemes.join(' + ')} no longer accepted`, 'manual', stub)
    } else if (change.kind === 'security-requirement-added') {
      ledger.note(`${pair.label} request`, `security requirement ${change.schemes.join(' + ')} added as an alternative`, 'none')
    }
  }
  // Renames first, then maps and defaults on the new names; the body is converted while it still
  // carries A's media type, which changes last.
  const order: Record<RequestStep['kind'], number> = {
    'rename-parameter': 0,
    'delete-parameter': 1,
    'map-parameter': 2,
    'default-parameter': 3,
    body: 4,
    'delete-body': 5,
    'media-type': 6,
  }
  const sorted = [...steps].sort((a, b) => order[a.kind] - order[b.kind])
  return { steps: sorted, ledger, ...(sample === undefined ? {} : { sample }) }
}
