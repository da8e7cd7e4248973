import { InputError } from '../core/errors.js'
import type { SqlSession } from '../db/shadow/sql-session.js'
import { buildPlan, type BuiltPlan } from '../generate/plan/build-plan.js'
import type { PlanOptions } from '../generate/plan/plan.js'
import { formatVerifyReports } from '../generate/plan/verify/format-report.js'
import { verifyPlan, verifyTargets, type VerifyReport } from '../generate/plan/verify/verify-plan.js'
import { writePlanFiles } from '../generate/plan/write-plan.js'
import { parseCommand } from './common-options.js'
import { readPgVersion, readVars } from './db-command.js'
import { writeStdout } from './stdout.js'

export const planUsage = `rollsafe plan MIGRATION [--out DIR] [--verify [--shadow-url URL]] [options]

Splits the changes of a migration that version A of the application would not survive (renames,
type changes, drops, NOT NULL, constraints) into expand/contract phases: numbered SQL files with
rollbacks, and PLAN.md, a runbook saying what is deployed at each phase, the gate to check before
moving on, and how to roll back.

  --out DIR                     write the plan there (default: print it); files rollsafe did not
                                write are never overwritten
  --verify                      run every phase, gate and rollback on a scratch database (PGlite)
                                with seeded rows and A's and B's statements; exit 1 if one fails
  --shadow-url URL              with --verify: a PostgreSQL server where rollsafe creates, and drops,
                                its own scratch database
  --seed FILE                   with --verify: SQL that fills the tables instead of generated rows
  --history PATH                already-applied migrations: replayed for version A's schema (repeatable)
  --schema FILE                 the schema the migrations start from (DDL or pg_dump --schema-only)
  --pg-version N                PostgreSQL major version of the target (default 15)
  --assume-in-transaction       the migration's runner wraps it in one transaction
  --var NAME=VALUE              value for a template placeholder (repeatable)
  --batch-size N                rows per backfill batch (default 1000)
  --pause SECONDS               pause between backfill batches (default 0.1)
  --lock-timeout DURATION       lock_timeout of every phase (default 5s)
  --statement-timeout DURATION  statement_timeout of every statement and batch (default 1min)

exit: 0 plan written (and verified) · 1 a verified phase failed · 2 bad input or usage
`

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [])

function readNumber(flag: string, text: string | undefined, test: (n: number) => boolean): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (!Number.isFinite(value) || !test(value)) throw new InputError(`--${flag} takes a number, not '${text}'`)
  return value
}

function readDuration(flag: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  if (!/^\d+(\.\d+)?\s*(ms|s|min|h)?$/.test(text.trim())) throw new InputError(`--${flag} takes a duration such as 5s or 500ms, not '${text}'`)
  return text.trim()
}

function planOptions(values: Readonly<Record<string, unknown>>): Partial<PlanOptions> {
  const options: Record<string, unknown> = {
    pgVersion: readPgVersion(values['pg-version'] as string | undefined, undefined),
    batchSize: readNumber('batch-size', values['batch-size'] as string | undefined, (n) => Number.isInteger(n) && n > 0),
    pause: readNumber('pause', values['pause'] as string | undefined, (n) => n >= 0),
    lockTimeout: readDuration('lock-timeout', values['lock-timeout'] as string | undefined),
    statementTimeout: readDuration('statement-timeout', values['statement-timeout'] as string | undefined),
  }
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<PlanOptions>
}

function summary(built: BuiltPlan, out: string | undefined): string {
  const { split, rendered } = built
  const lines = [`rollsafe plan: ${built.migration.path}: ${split.plans.length} change(s) in ${rendered.phases.length} phase(s)${out ? ` → ${out}` : ''}`]
  split.plans.forEach(({ plan }, i) => lines.push(`  ${i + 1}. ${plan.title.replaceAll('`', '')} (line ${plan.at.line ?? '?'})`))
  lines.push(`  phases: ${rendered.phases.map((p) => p.file).join(', ')}; runbook: PLAN.md`)
  return `${lines.join('\n')}\n`
}

async function openVerifySession(built: BuiltPlan, shadowUrl: string | undefined): Promise<SqlSession> {
  if (shadowUrl !== undefined) return (await import('../db/shadow/scratch-database.js')).openScratchDatabase(shadowUrl)
  const { extensionsUsed, openPGliteSession } = await import('../db/shadow/pglite-session.js')
  return openPGliteSession({ extensions: extensionsUsed([...built.setup, built.migration].map((f) => f.text)) })
}

async function verify(built: BuiltPlan, shadowUrl: string | undefined, seedFile: string | undefined): Promise<ReadonlyArray<VerifyReport>> {
  const seed = seedFile === undefined ? undefined : await import('node:fs/promises').then((fs) => fs.readFile(seedFile, 'utf8')).catch(() => {
    throw new InputError(`${seedFile}: cannot read`)
  })
  const session = await openVerifySession(built, shadowUrl)
  try {
    const reports: VerifyReport[] = []
    for (const target of verifyTargets(built)) reports.push(await verifyPlan(session, built, target, seed === undefined ? {} : { seed }))
    return reports
  } finally {
    await session.close()
  }
}

/** `rollsafe plan MIGRATION [--out DIR] [--verify]`. */
export async function planCommand(argv: ReadonlyArray<string>): Promise<number> {
  const { values, positionals } = parseCommand('plan', argv, {
    out: { type: 'string' },
    verify: { type: 'boolean' },
    'shadow-url': { type: 'string' },
    seed: { type: 'string' },
    history: { type: 'string', multiple: true },
    schema: { type: 'string' },
    'pg-version': { type: 'string' },
    'assume-in-transaction': { type: 'boolean' },
    var: { type: 'string', multiple: true },
    'batch-size': { type: 'string' },
    pause: { type: 'string' },
    'lock-timeout': { type: 'string' },
    'statement-timeout': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  })
  if (values['help']) {
    writeStdout(planUsage)
    return 0
  }
  const [migration, ...extra] = positionals
  if (migration === undefined || extra.length > 0) throw new InputError(`rollsafe plan takes one MIGRATION\n\n${planUsage}`)
  const shadowUrl = values['shadow-url'] as string | undefined
  const seedFile = values['seed'] as string | undefined
  if ((shadowUrl !== undefined || seedFile !== undefined) && !values['verify']) throw new InputError('--shadow-url and --seed go with --verify')
  const schema = values['schema'] as string | undefined
  const built = await buildPlan({
    migration,
    history: list(values['history']),
    ...(schema === undefined ? {} : { schema }),
    vars: readVars(list(values['var'])),
    assumeInTransaction: Boolean(values['assume-in-transaction']),
    options: planOptions(values),
  })
  for (const u of built.split.unsupported) {
    process.stderr.write(`rollsafe plan: ${u.at.file}:${u.at.line ?? '?'}: cannot split ${u.kind} \`${u.object}\`: ${u.reason}\n`)
  }
  if (built.split.plans.length === 0) {
    const why = built.split.unsupported.length > 0 ? 'rollsafe cannot split the changes above' : 'nothing to split (no change that version A would not survive)'
    writeStdout(`rollsafe plan: ${built.migration.path}: ${why}; no plan written\n`)
    return 0
  }
  const out = values['out'] as string | undefined
  if (out === undefined) {
    const files = built.rendered.files
    writeStdout(files.get('PLAN.md') ?? '')
    for (const [name, text] of files) if (name !== 'PLAN.md') writeStdout(`\n## ${name}\n\n\`\`\`sql\n${text}\`\`\`\n`)
  } else {
    await writePlanFiles(out, built.rendered.files)
    writeStdout(summary(built, out))
  }
  if (!values['verify']) return 0
  const reports = await verify(built, shadowUrl, seedFile)
  writeStdout(formatVerifyReports(reports))
  return reports.every((r) => r.ok) ? 0 : 1
}
