import { isAbsolute, relative, resolve, sep } from 'node:path'
import { InputError } from '../core/errors.js'
import { commonFlags, commonUsage, parseCommand, readCommonOptions } from './common-options.js'
import { readPgVersion, readVars } from './db-command.js'
import { finish } from './finish.js'
import { readConfig } from './read-config.js'
import { today } from './today.js'
import { writeStdout } from './stdout.js'

export const predeployUsage = `rollsafe predeploy --database-url URL [MIGRATION_FOLDER...] [options]

Before a deploy: which migrations has the live database run (the runner's own table: kysely_migration,
_prisma_migrations, __drizzle_migrations, schema_migrations, flyway_schema_history, pgmigrations; else
the schema they build is compared with the live one), has its schema drifted from what they build
(replayed on a shadow database, PGlite by default), and are the pending ones safe on it: checked
against the live schema, lock findings ranked by the live table sizes with an estimated time
(rewrites at an assumed 50 MB/s, scans at 100 MB/s). The database is only read, in one READ ONLY
transaction. Folders default to the config's migrations.

  --database-url URL            the live database (read-only; the password never shows)
  --api-deployed FILE --api NEW also check the API about to be deployed against the one running
  --shadow-url URL              replay the applied migrations in a scratch database on this server, not PGlite
  --pg-version N                PostgreSQL major version of the lock facts (default: the live server's)
  --var NAME=VALUE              value for a template placeholder in the migrations (repeatable)
${commonUsage}`

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [])

/** A folder as findings name it: relative to the working directory, with forward slashes. */
function shownPath(path: string): string {
  const inside = relative(process.cwd(), resolve(path))
  const shown = inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? path : inside
  return shown.split(sep).join('/')
}

/** The flags `rollsafe predeploy` takes (the docs' examples are tested against them). */
export const predeployFlags = {
  ...commonFlags,
  'database-url': { type: 'string' },
  'api-deployed': { type: 'string' },
  api: { type: 'string' },
  'shadow-url': { type: 'string' },
  'pg-version': { type: 'string' },
  var: { type: 'string', multiple: true },
} as const

export async function predeployCommand(argv: ReadonlyArray<string>): Promise<number> {
  const { values, positionals } = parseCommand('predeploy', argv, predeployFlags)
  if (values.help) {
    writeStdout(predeployUsage)
    return 0
  }
  const databaseUrl = values['database-url'] as string | undefined
  if (databaseUrl === undefined || databaseUrl === '') throw new InputError(`rollsafe predeploy needs --database-url URL\n\n${predeployUsage}`)
  const deployed = values['api-deployed'] as string | undefined
  const next = values['api'] as string | undefined
  if ((deployed === undefined) !== (next === undefined)) throw new InputError('--api-deployed FILE and --api NEW go together')
  const options = readCommonOptions(values)
  const config = await readConfig(options.config)
  const folders =
    positionals.length > 0
      ? positionals.map((dir) => ({ dir, shown: shownPath(dir), layout: 'auto' }))
      : (config?.migrations ?? []).map((m) => {
          const dir = resolve(config?.dir ?? '.', m.path)
          return { dir, shown: shownPath(dir), layout: m.layout }
        })
  if (folders.length === 0 && deployed === undefined) {
    throw new InputError('rollsafe predeploy: no migration folders (give them as arguments, or name them in rollsafe.config.yaml)')
  }
  const shadowUrl = values['shadow-url'] as string | undefined
  const pgVersion = values['pg-version'] as string | undefined
  const { runPredeploy } = await import('../predeploy/run-predeploy.js')
  const { findings, title } = await runPredeploy({
    databaseUrl,
    folders,
    ...(deployed === undefined || next === undefined ? {} : { api: { deployed, next } }),
    ...(shadowUrl === undefined ? {} : { shadowUrl }),
    ...(pgVersion === undefined ? {} : { pgVersion: readPgVersion(pgVersion, undefined) }),
    vars: readVars(list(values['var'])),
    today: today(),
    note: (message) => process.stderr.write(`rollsafe: note: ${message}\n`),
  })
  return finish(findings, title, options, config?.policy)
}
