import { basename } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { diffApi } from '../../api/diff-api.js'
import { loadApi } from '../../api/load-api.js'
import type { AdapterPlan, Version } from './adapter-plan.js'
import { buildSamples, nameSampleSchemas } from './build-samples.js'
import { emitFiles } from './emit-files.js'
import { readHints } from './extensions.js'
import { jsonSchemaDocument } from './json-schema.js'
import { planAdapter } from './plan-adapter.js'
import { rawDocuments } from './raw-document.js'
import { headerMarker, type GeneratedFile } from './source-printer.js'
import { resolveVersionLabels, type VersionLabels } from './version-labels.js'

export interface AdapterOptions {
  /** The version name of OLD that clients send; OLD's `info.version` by default. */
  readonly oldVersion?: string
  /** The version name of NEW; NEW's `info.version` by default. */
  readonly newVersion?: string
  readonly allowRemoteRefs?: boolean
}

export interface Adapter {
  readonly files: ReadonlyArray<GeneratedFile>
  readonly labels: VersionLabels
  readonly plan: AdapterPlan
  /** Things to tell the user (how versions were named). */
  readonly notes: ReadonlyArray<string>
}

/**
 * Generates the translation layer that keeps OLD's clients working against a service that
 * implements NEW: types of both versions, converters per changed schema, per-operation request
 * upgraders and response downgraders, a framework-neutral core with Express and Fastify wiring,
 * stubs for what needs a person, vitest tests, and ADAPTER.md. Nothing is written to disk.
 *
 * @example
 * const adapter = await generateAdapter('api/v1.yaml', 'api/v2.yaml')
 * adapter.files.map((file) => file.path) // ['ADAPTER.md', 'adapter.test.ts', 'converters.ts', …]
 */
export async function generateAdapter(oldFile: string, newFile: string, options: AdapterOptions = {}): Promise<Adapter> {
  const load = { allowRemoteRefs: options.allowRemoteRefs ?? false }
  const [old, next] = await Promise.all([loadApi(oldFile, load), loadApi(newFile, load)])
  const { labels, note } = resolveVersionLabels({ old: old.version, new: next.version }, { old: options.oldVersion, new: options.newVersion })
  const raw = { old: rawDocuments(oldFile), new: rawDocuments(newFile) }
  const { plan, names } = planAdapter(old, next, diffApi(old, next), readHints(raw.new))
  nameSampleSchemas(plan, names)
  const provenance = { oldFile: basename(oldFile), newFile: basename(newFile), oldVersion: labels.old, newVersion: labels.new }
  const comment = `${headerMarker} from ${provenance.oldFile} and ${provenance.newFile}. Do not edit: rerun rollsafe adapter.`
  const schemas = { old: jsonSchemaDocument('old', names, comment), new: jsonSchemaDocument('new', names, comment) }
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false })
  ajv.addSchema(schemas.old, 'old')
  ajv.addSchema(schemas.new, 'new')
  const isValid = (version: Version, name: string, value: unknown): boolean => {
    try {
      return ajv.getSchema(`${version}#/$defs/${name}`)?.(value) === true
    } catch {
      return false // a schema ajv cannot compile (an odd pattern): no test value rather than a crash
    }
  }
  const samples = buildSamples(plan, { models: { old, new: next }, raw, names, isValid })
  const files = emitFiles(plan, names, labels, samples, schemas, provenance)
  return { files, labels, plan, notes: note === undefined ? [] : [note] }
}
