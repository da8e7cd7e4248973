import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import { LineCounter, parseDocument, type Document } from 'yaml'
import schema from '../../schema/rollsafe.config.schema.json' with { type: 'json' }
import { inputError, InputError } from '../core/errors.js'
import type { Severity } from '../core/finding.js'
import type { FailOn, Ignore } from '../core/policy.js'
import type { ApiDocument, Config, MigrationLayoutName, MigrationSource } from './config.js'
import { displayPath, explainSchemaError } from './explain-schema-error.js'
import { placeOf } from './yaml-place.js'

/** The config as written, once the schema has accepted it. */
interface RawConfig {
  readonly api?: string | ReadonlyArray<string | { readonly old: string; readonly new: string }>
  readonly migrations?:
    | string
    | ReadonlyArray<
        string | { readonly path: string; readonly layout?: MigrationLayoutName; readonly history?: string | string[] }
      >
  readonly postgresVersion?: number
  readonly failOn?: FailOn
  readonly rules?: Readonly<Record<string, Severity | 'off'>>
  readonly ignore?: ReadonlyArray<Ignore>
}

export interface LoadConfigOptions {
  /** How the file is named in messages; defaults to the path as given. */
  readonly name?: string
  /** Tells whether a rule id (or alias) exists; without it, rule ids are only checked for their form. */
  readonly knownRule?: (id: string) => boolean
}

let validator: ValidateFunction | undefined

function validate(value: unknown): ValidateFunction {
  validator ??= new Ajv({ allErrors: false, verbose: true }).compile(schema)
  validator(value)
  return validator
}

function list<T>(value: T | ReadonlyArray<T> | undefined): ReadonlyArray<T> {
  if (value === undefined) return []
  return Array.isArray(value) ? (value as ReadonlyArray<T>) : [value as T]
}

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

interface Problem {
  readonly path: ReadonlyArray<string>
  readonly key?: string
  readonly message: string
}

/** What the schema cannot say: real dates, and rule ids that exist. */
function findProblem(raw: RawConfig, knownRule: ((id: string) => boolean) | undefined): Problem | undefined {
  const unknownRule = (id: string): string => `unknown rule '${id}'; \`rollsafe rules\` lists them`
  for (const [index, ignore] of (raw.ignore ?? []).entries()) {
    const path = ['ignore', String(index)]
    if (ignore.expires !== undefined && !isRealDate(ignore.expires)) {
      return {
        path: [...path, 'expires'],
        message: `${displayPath(path)}.expires: '${ignore.expires}' is not a real date`,
      }
    }
    if (knownRule && !knownRule(ignore.rule)) {
      return { path: [...path, 'rule'], message: `${displayPath(path)}.rule: ${unknownRule(ignore.rule)}` }
    }
  }
  for (const id of Object.keys(raw.rules ?? {})) {
    if (knownRule && !knownRule(id)) return { path: ['rules'], key: id, message: `rules: ${unknownRule(id)}` }
  }
  return undefined
}

function normalize(raw: RawConfig, name: string, file: string): Config {
  const api: ApiDocument[] = list(raw.api).map((entry) =>
    typeof entry === 'string' ? { new: entry } : { old: entry.old, new: entry.new },
  )
  const migrations: MigrationSource[] = list(raw.migrations).map((entry) =>
    typeof entry === 'string'
      ? { path: entry, layout: 'auto', history: [] }
      : { path: entry.path, layout: entry.layout ?? 'auto', history: list(entry.history) },
  )
  return {
    file: name,
    dir: dirname(resolve(file)),
    api,
    migrations,
    ...(raw.postgresVersion === undefined ? {} : { postgresVersion: raw.postgresVersion }),
    policy: { failOn: raw.failOn ?? 'error', severity: { ...raw.rules }, ignores: [...(raw.ignore ?? [])] },
  }
}

/** JSON is read as YAML for the line numbers, but YAML would let a trailing comma or a comment pass. */
function checkJsonSyntax(text: string, name: string, lines: LineCounter): void {
  try {
    JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? 0)
    const { line, col } = lines.linePos(offset)
    throw inputError(name, message.replace(/ in JSON at position \d+.*$/, ''), line, col)
  }
}

function parse(text: string, name: string, isJson: boolean): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false })
  if (isJson) checkJsonSyntax(text, name, lines)
  const [error] = doc.errors
  if (error !== undefined) {
    const { line, col } = lines.linePos(error.pos[0])
    throw inputError(name, error.message.split('\n')[0] ?? 'not valid YAML', line, col)
  }
  return { doc, lines }
}

/**
 * Reads and validates a rollsafe config (YAML or JSON). Any problem is an InputError naming the
 * place, `rollsafe.config.yaml:4:3: ignore[0]: missing key 'reason'` (the CLI exits 2).
 *
 * @example
 * const config = loadConfig('rollsafe.config.yaml', { knownRule: (id) => findRule(id) !== undefined })
 */
export function loadConfig(file: string, options: LoadConfigOptions = {}): Config {
  const name = options.name ?? file
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(`${name}: ${code === 'ENOENT' ? 'no such config file' : (error as Error).message}`)
  }
  const { doc, lines } = parse(text, name, file.endsWith('.json'))
  const value: unknown = doc.toJS({ maxAliasCount: 100 })
  if (value === null || value === undefined) {
    throw inputError(name, 'the config is empty: write at least `api:` or `migrations:`', 1, 1)
  }
  const check = validate(value)
  const problem = check.errors ? explainSchemaError(check.errors) : findProblem(value as RawConfig, options.knownRule)
  if (problem !== undefined) {
    const { line, column } = placeOf(doc, lines, problem.path, problem.key)
    throw inputError(name, problem.message, line, column)
  }
  return normalize(value as RawConfig, name, file)
}
