import { buildOperations } from './build-operations.js'
import { SchemaBuilder, type SpecVersion } from './build-schema.js'
import { buildRequirements, buildSecuritySchemes } from './build-security.js'
import type { DocumentSet } from './document-set.js'
import type { ApiModel } from './model.js'
import { isObject, objectAt } from './node-checks.js'

/**
 * The `ApiModel` of a loaded document set. Reads what the model needs and checks its shape on the
 * way, so a malformed document fails with the place of the problem.
 *
 * @example
 * const model = buildModel(new DocumentSet(root), specVersionOf(root.value, root.file))
 */
export function buildModel(docs: DocumentSet, specVersion: SpecVersion): ApiModel {
  const top = docs.top()
  const root = objectAt(docs, top)
  const info = docs.child(top, 'info')
  if (!isObject(info.value)) throw docs.error(top, 'info is required')
  if (root.paths === undefined && !(specVersion === '3.1' && root.webhooks !== undefined)) throw docs.error(top, 'paths is required')
  const schemes =
    specVersion === '2.0'
      ? docs.child(top, 'securityDefinitions')
      : docs.child(docs.child(top, 'components'), 'securitySchemes')
  const context = {
    docs,
    schemas: new SchemaBuilder(docs, specVersion),
    version: specVersion,
    security: buildRequirements(docs, docs.child(top, 'security')),
  }
  const title = infoText(info.value.title)
  const version = infoText(info.value.version)
  return {
    file: docs.root.file,
    specVersion,
    ...(title === undefined ? {} : { title }),
    ...(version === undefined ? {} : { version }),
    operations: buildOperations(context),
    securitySchemes: buildSecuritySchemes(docs, schemes),
    locate: (ref) => docs.locate(ref),
  }
}

function infoText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
}
