import { InputError } from '../core/errors.js'
import { activeRules, defaultPolicy } from '../core/policy.js'
import { resolveRuleId, rulesOf } from '../core/registry.js'
import { checkDb } from '../db/check-db.js'
import { checkSchemaDiff, parseRenames } from '../db/check-schema-diff.js'
import { sqlSchemaSource } from '../db/schema-source.js'
import { pointToPlan } from '../generate/plan/plan-hint.js'
import { commonFlags, commonUsage, parseCommand, readCommonOptions } from './common-options.js'
import { shadowCheckOptions, shadowFlags, shadowUsage } from './db-shadow-flags.js'
import { finish } from './finish.js'
import { readConfig } from './read-config.js'
import { today } from './today.js'
import { writeStdout } from './stdout.js'

export const dbUsage = `rollsafe db MIGRATION... [options]
rollsafe db --from OLD.sql --to NEW.sql [--rename schema.table.old=new]

Can version A of the application keep running once these migrations ran, and do they take long locks?
A MIGRATION is a .sql file or a folder: plain numbered files, golang-migrate (N_name.up.sql), Flyway
(V1__name.sql), Prisma (<ts>_name/migration.sql), Drizzle (meta/_journal.json), node-pg-migrate SQL,
or Kysely TypeScript modules exporting up(db). Each is checked against the schema before it.

  --history PATH                already-applied migrations: replayed for the schema, not checked (repeatable)
  --schema FILE                 the schema the migrations start from (DDL or pg_dump --schema-only)
${shadowUsage}  --pg-version N                PostgreSQL major version the lock facts are for (default: the config's, else 15)
  --assume-in-transaction       every file runs in one transaction (as Flyway, Prisma, Drizzle, Kysely do)
  --var NAME=VALUE              value for a template placeholder such as {{ index .Options "Namespace" }} (repeatable)
  --from OLD.sql --to NEW.sql   compare two schema versions instead of checking migrations
  --rename OLD=NEW              with --from/--to: a table (schema.old=new) or column (schema.table.old=new) rename (repeatable)

Inline: \`-- rollsafe-ignore RULE: reason\` before a statement, \`-- rollsafe-ignore-file RULE: reason\` for the file.

${commonUsage}`

export function readVars(values: ReadonlyArray<string>): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const pair of values) {
    const eq = pair.indexOf('=')
    if (eq <= 0) throw new InputError(`--var takes NAME=VALUE, not '${pair}'`)
    vars[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  return vars
}

export function readPgVersion(text: string | undefined, configured: number | undefined): number {
  if (text === undefined) return configured ?? 15
  const version = Number(text)
  if (!Number.isInteger(version) || version < 9 || version > 30) {
    throw new InputError(`--pg-version takes a PostgreSQL major version such as 15, not '${text}'`)
  }
  return version
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [])

export async function dbCommand(argv: ReadonlyArray<string>): Promise<number> {
  const { values, positionals } = parseCommand('db', argv, {
    ...commonFlags,
    ...shadowFlags,
    history: { type: 'string', multiple: true },
    schema: { type: 'string' },
    'pg-version': { type: 'string' },
    'assume-in-transaction': { type: 'boolean' },
    var: { type: 'string', multiple: true },
    from: { type: 'string' },
    to: { type: 'string' },
    rename: { type: 'string', multiple: true },
  })
  if (values.help) {
    writeStdout(dbUsage)
    return 0
  }
  const options = readCommonOptions(values)
  // readConfig imports the config loader (ajv, yaml) only when there is a config.
  const config = await readConfig(options.config)
  const analyze = {
    today: today(),
    pgVersion: readPgVersion(values['pg-version'] as string | undefined, config?.postgresVersion),
    assumeInTransaction: Boolean(values['assume-in-transaction']),
    vars: readVars(list(values['var'])),
    resolveId: resolveRuleId,
    // Rules whose findings the policy would drop (off, or opt-in and not named) are not run at all.
    rules: activeRules(rulesOf('db'), config?.policy ?? defaultPolicy, resolveRuleId),
  }
  const from = values['from'] as string | undefined
  const to = values['to'] as string | undefined
  if (from !== undefined || to !== undefined) {
    if (from === undefined || to === undefined) throw new InputError('--from and --to go together')
    if (positionals.length > 0) throw new InputError('give either MIGRATION files or --from/--to, not both')
    const renames = parseRenames(list(values['rename']))
    const findings = await checkSchemaDiff(sqlSchemaSource(from), sqlSchemaSource(to), { ...analyze, renames })
    return finish(findings, `${from} → ${to}`, options, config?.policy)
  }
  if (positionals.length === 0) throw new InputError(`rollsafe db takes at least one MIGRATION file or folder\n\n${dbUsage}`)
  const schemaFile = values['schema'] as string | undefined
  const shadow = await shadowCheckOptions(values, schemaFile)
  const result = await checkDb(positionals, {
    ...analyze,
    annotate: pointToPlan,
    history: list(values['history']),
    // With --trace the shadow database applies --schema itself.
    ...(schemaFile === undefined || shadow.analyzer !== undefined ? {} : { schema: sqlSchemaSource(schemaFile) }),
    ...shadow,
  })
  return finish(result.findings, positionals.join(' '), options, config?.policy)
}
