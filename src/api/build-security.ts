import type { DocumentSet, Node } from './document-set.js'
import type { SecurityRequirement, SecurityScheme } from './model.js'
import { elementsOf, isObject, membersOf, objectAt, requiredText, strings, text } from './node-checks.js'

/** Swagger 2 OAuth flow names as OpenAPI 3 names them. */
const swaggerFlows: Readonly<Record<string, string>> = {
  implicit: 'implicit',
  password: 'password',
  application: 'clientCredentials',
  accessCode: 'authorizationCode',
}

/**
 * Security schemes by name (`components.securitySchemes`, or Swagger 2 `securityDefinitions`), each
 * with a `detail` that says what a client must send, so that two versions compare by meaning:
 * Swagger 2 `basic` is `http` with `scheme=basic`, flows get their OpenAPI 3 names, URLs are left out.
 *
 * @example
 * buildSecuritySchemes(docs, docs.child(components, 'securitySchemes')).get('apiKey')?.detail
 * // 'in=header name=x-api-key'
 */
export function buildSecuritySchemes(docs: DocumentSet, node: Node): ReadonlyMap<string, SecurityScheme> {
  const schemes = new Map<string, SecurityScheme>()
  for (const [name, entry] of membersOf(docs, node)) {
    const scheme = docs.deref(entry)
    const fields = objectAt(docs, scheme)
    const declared = requiredText(docs, scheme, 'type')
    const type = declared === 'basic' ? 'http' : declared
    schemes.set(name, { name, type, detail: detailOf(docs, scheme, declared, fields), ref: docs.sourceRef(scheme) })
  }
  return schemes
}

function detailOf(docs: DocumentSet, node: Node, type: string, fields: Readonly<Record<string, unknown>>): string {
  switch (type) {
    case 'basic':
      return 'scheme=basic'
    case 'http':
      return `scheme=${(text(docs, node, 'scheme') ?? '').toLowerCase()}`
    case 'apiKey': {
      const where = requiredText(docs, node, 'in')
      const name = requiredText(docs, node, 'name')
      return `in=${where} name=${where === 'header' ? name.toLowerCase() : name}`
    }
    case 'oauth2': {
      const flows = isObject(fields.flows)
        ? Object.keys(fields.flows).filter((flow) => !flow.startsWith('x-'))
        : [swaggerFlows[text(docs, node, 'flow') ?? ''] ?? String(fields.flow)]
      return `flows=${flows.sort().join(',')}`
    }
    default:
      return ''
  }
}

/**
 * A `security` list: alternatives (OR) of scheme name → scopes (AND). `undefined` when absent, and
 * also for `[]`, which likewise asks for nothing.
 */
export function buildRequirements(docs: DocumentSet, node: Node): ReadonlyArray<SecurityRequirement> | undefined {
  const alternatives = elementsOf(docs, node).map((alternative) => {
    const requirement = new Map<string, ReadonlyArray<string>>()
    for (const [name, scopes] of membersOf(docs, alternative)) requirement.set(name, strings(docs, scopes) ?? [])
    return requirement
  })
  return alternatives.length === 0 ? undefined : alternatives
}
