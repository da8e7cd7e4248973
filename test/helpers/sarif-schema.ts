import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

// The official schema (test/data/sarif-schema-2.1.0.json) declares JSON Schema 2020-12; `strict:
// false` lets ajv pass over its annotations, and ajv-formats checks `uri`/`uri-reference` as code
// scanning does on upload.
const ajv = new Ajv2020({ strict: false, allErrors: true })
addFormats.default(ajv)
const schema = JSON.parse(readFileSync(new URL('../data/sarif-schema-2.1.0.json', import.meta.url), 'utf8'))
const validateSarifLog = ajv.compile(schema)

/** The SARIF 2.1.0 schema's complaints about a log (JSON text); none when it is valid. */
export function validateSarif(text: string): ReadonlyArray<{ readonly instancePath: string; readonly message?: string }> {
  validateSarifLog(JSON.parse(text))
  return validateSarifLog.errors ?? []
}
