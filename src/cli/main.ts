import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { cacheDirectory } from '../core/cache-directory.js'
import { InputError } from '../core/errors.js'
import { enableCompileCache } from './compile-cache.js'
import { useDirectStdout, writeStdout } from './stdout.js'

const usage = `rollsafe — can version B run next to version A?

  rollsafe api OLD NEW            OpenAPI compatibility: is NEW a superset of OLD?
  rollsafe db MIGRATION...        migration safety: additive only, no long locks
  rollsafe check [--base REF]     the CI gate: everything rollsafe.config.yaml names, against REF
  rollsafe predeploy --database-url URL   pending migrations against the live database, before a deploy
  rollsafe plan MIGRATION         expand/contract phases and a runbook for a change A would not survive
  rollsafe adapter OLD NEW --out DIR   translation layer (TypeScript) keeping OLD's clients working on NEW
  rollsafe rules [api|db]         list the rules
  rollsafe explain RULE           a rule's documentation
  rollsafe --version              the version

exit: 0 nothing at or above --fail-on · 1 findings at or above it · 2 bad input or usage
`

type Command = (argv: ReadonlyArray<string>) => Promise<number> | number

// A CLI run is short: V8's optimizing tier for WebAssembly (TurboFan) spends more compiling the
// 1.7 MB libpg-query parser and PGlite than it ever saves. Baseline (Liftoff) code only: static
// lint of a corpus set takes about half the wall time, and `--trace` too. Set before any module
// compiles WebAssembly (commands load lazily, below). Lazy compilation goes further: a function is
// compiled when first called, and a lint run calls a small part of the parser; lazy validation checks
// each function then too, instead of the whole module up front.
setFlagsFromString('--liftoff-only')
setFlagsFromString('--wasm-lazy-compilation')
setFlagsFromString('--wasm-lazy-validation')
// The same holds for JavaScript: V8 optimizes a function (TurboFan) after a budget of work, sized for
// long-running servers. Eight times that budget leaves only the truly hot functions to optimize: static
// lint of the corpus sets takes 18% less CPU, rollsafe api 15–40% less, and inputs twelve times
// trigger-dev's lose nothing (the hot code still gets optimized, later).
setFlagsFromString('--interrupt-budget=540672')

/**
 * The CLI's own process keeps V8's compiled code of the bundle between runs. Set up after the flags
 * (V8 accepts a code cache only under the flags it was made with) and before a command loads.
 * Dependencies are left out: caching them (ts-morph's TypeScript, swagger-parser) made `rollsafe
 * adapter` and `rollsafe api` no faster, the megabytes of cache costing what compiling did.
 */
function cacheCompiledCode(): void {
  const cacheRoot = cacheDirectory()
  if (cacheRoot === undefined) return
  const cache = enableCompileCache(dirname(fileURLToPath(import.meta.url)), join(cacheRoot, `code-${process.version}-${process.arch}`))
  process.once('exit', () => cache.save())
}

/** Each command's module is imported only when it runs: start-up cost is part of the product. */
const commands: Record<string, () => Promise<Command>> = {
  adapter: async () => (await import('./adapter-command.js')).adapterCommand,
  api: async () => (await import('./api-command.js')).apiCommand,
  check: async () => (await import('./check-command.js')).checkCommand,
  db: async () => (await import('./db-command.js')).dbCommand,
  plan: async () => (await import('./plan-command.js')).planCommand,
  predeploy: async () => (await import('./predeploy-command.js')).predeployCommand,
  rules: async () => (await import('./rules-command.js')).rulesCommand,
  explain: async () => (await import('./rules-command.js')).explainCommand,
}

/**
 * Runs the CLI and returns the exit code. Bad input prints one line to stderr and returns 2.
 * `cliProcess` is for the CLI's own process (bin/rollsafe.cjs): standard output written directly
 * (`useDirectStdout`) and compiled code cached; in-process callers (tests) get neither.
 */
export async function main(argv: ReadonlyArray<string>, { cliProcess = false } = {}): Promise<number> {
  if (cliProcess) {
    useDirectStdout()
    cacheCompiledCode()
  }
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    writeStdout(usage)
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    const { toolInfo } = await import('./tool-info.js')
    writeStdout(`rollsafe ${toolInfo().version}\n`)
    return 0
  }
  const load = commands[name]
  if (load === undefined) {
    process.stderr.write(`rollsafe: unknown command '${name}'\n\n${usage}`)
    return 2
  }
  try {
    const command = await load()
    return await command(rest)
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`rollsafe: ${error.message}\n`)
      return 2
    }
    if (process.env['ROLLSAFE_DEBUG']) throw error
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`rollsafe: internal error: ${message.split('\n')[0]} (ROLLSAFE_DEBUG=1 shows the stack)\n`)
    return 2
  }
}
