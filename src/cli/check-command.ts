import { InputError } from '../core/errors.js'
import { commonFlags, commonUsage, parseCommand, readCommonOptions } from './common-options.js'
import { finish } from './finish.js'
import { readConfig } from './read-config.js'
import { today } from './today.js'
import { writeStdout } from './stdout.js'

export const checkUsage = `rollsafe check [--base REF] [options]

The CI gate: every API document and migration folder of rollsafe.config.yaml, in one report.
With --base, version A is that git revision (read with git, the work tree is not touched): each
document is compared with its version there, the migrations added since are checked against the
schema the older ones build, and a migration of REF that was edited or deleted is an error.
Without --base, the config's { old, new } document pairs and migration history are used.

  --base REF              the git revision of version A: origin/main, a tag, a commit
${commonUsage}`

/** The flags `rollsafe check` takes (the docs' examples are tested against them). */
export const checkFlags = { ...commonFlags, base: { type: 'string' } } as const

export async function checkCommand(argv: ReadonlyArray<string>): Promise<number> {
  const { values, positionals } = parseCommand('check', argv, checkFlags)
  if (values.help) {
    writeStdout(checkUsage)
    return 0
  }
  if (positionals.length > 0) throw new InputError(`rollsafe check takes no files (the config names them), not '${positionals[0]}'\n\n${checkUsage}`)
  const options = readCommonOptions(values)
  const config = await readConfig(options.config)
  if (config === undefined) {
    throw new InputError('no rollsafe.config.yaml (.yml, .json) here or in a folder above: write one (docs/ci.md), or give --config FILE')
  }
  const base = values['base'] as string | undefined
  const { runCheck } = await import('../check/run-check.js')
  const { findings, title } = await runCheck({
    config,
    ...(base === undefined || base === '' ? {} : { base }),
    today: today(),
    note: (message) => process.stderr.write(`rollsafe: note: ${message}\n`),
  })
  return finish(findings, title, options, config.policy)
}
