import type { ApiModel, Operation, SecurityRequirement } from './model.js'
import type { OperationContext } from './operation-context.js'

/** No requirement declared means anonymous access: one empty alternative. */
const anonymous: ReadonlyArray<SecurityRequirement> = [new Map()]

/** A scheme by what it asks of a client, so that renaming a scheme is no change. */
function meaningOf(model: ApiModel, name: string): string {
  const scheme = model.securitySchemes.get(name)
  return scheme === undefined ? `undefined ${name}` : `${scheme.type} ${scheme.detail}`
}

/** A requirement as scheme meaning → scopes. */
function byMeaning(model: ApiModel, requirement: SecurityRequirement): ReadonlyMap<string, ReadonlySet<string>> {
  const out = new Map<string, Set<string>>()
  for (const [name, scopes] of requirement) {
    const meaning = meaningOf(model, name)
    out.set(meaning, new Set([...(out.get(meaning) ?? []), ...scopes]))
  }
  return out
}

type Needs = ReadonlyMap<string, ReadonlySet<string>>

/** Credentials that meet `held` also meet `wanted`: every wanted scheme, with all its scopes. */
function meets(held: Needs, wanted: Needs): boolean {
  for (const [meaning, scopes] of wanted) {
    const heldScopes = held.get(meaning)
    if (heldScopes === undefined) return false
    for (const scope of scopes) if (!heldScopes.has(scope)) return false
  }
  return true
}

function sameNeeds(a: Needs, b: Needs): boolean {
  return a.size === b.size && meets(a, b) && meets(b, a)
}

/** Scopes a B alternative over the same schemes asks for beyond what `held` has. */
function extraScopes(held: Needs, alternatives: ReadonlyArray<Needs>): string[] {
  const extra = new Set<string>()
  for (const wanted of alternatives) {
    if (wanted.size !== held.size || ![...wanted.keys()].every((meaning) => held.has(meaning))) continue
    for (const [meaning, scopes] of wanted) {
      for (const scope of scopes) if (!held.get(meaning)?.has(scope)) extra.add(scope)
    }
  }
  return [...extra].sort()
}

/**
 * Compares security requirements by meaning. An A alternative (AND of schemes and scopes) whose
 * credentials meet no B alternative is removed (A's clients are refused); a B alternative with no
 * equal A alternative is added.
 */
export function diffSecurity(context: OperationContext, before: Operation, after: Operation): void {
  const { operation, label, out } = context
  const oldAlternatives = before.security ?? anonymous
  const newAlternatives = after.security ?? anonymous
  const held = oldAlternatives.map((requirement) => byMeaning(context.before, requirement))
  const wanted = newAlternatives.map((requirement) => byMeaning(context.after, requirement))
  const base = { operation, label, direction: 'none', at: after.ref } as const
  oldAlternatives.forEach((requirement, i) => {
    const credentials = held[i] as Needs
    if (wanted.some((alternative) => meets(credentials, alternative))) return
    const schemes = [...requirement.keys()].sort()
    out.push({ ...base, kind: 'security-requirement-removed', schemes, addedScopes: extraScopes(credentials, wanted) })
  })
  newAlternatives.forEach((requirement, j) => {
    const needs = wanted[j] as Needs
    if (held.some((alternative) => sameNeeds(alternative, needs))) return
    out.push({ ...base, kind: 'security-requirement-added', schemes: [...requirement.keys()].sort() })
  })
}
