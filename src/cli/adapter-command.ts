import { InputError } from '../core/errors.js'
import { generateAdapter } from '../generate/adapter/generate-adapter.js'
import { writeAdapter } from '../generate/adapter/write-output.js'
import { parseCommand } from './common-options.js'
import { writeStdout } from './stdout.js'

export const adapterUsage = `rollsafe adapter OLD NEW --out DIR [options]

Generates the translation layer (TypeScript) that keeps OLD's clients working against a service
that implements NEW: request upgraders, response downgraders, Express and Fastify wiring, stubs
for what needs a person (listed in DIR/ADAPTER.md) and vitest tests.

  --out DIR                 where to write (required); files without rollsafe's header are never overwritten
  --check                   write nothing; exit 1 when the files in DIR differ from what would be generated
  --old-version NAME        the version name OLD's clients send (default: OLD's info.version)
  --new-version NAME        the version name of NEW (default: NEW's info.version)
  --allow-remote-refs       resolve $refs to http(s) URLs (refused by default)
`

export async function adapterCommand(argv: ReadonlyArray<string>): Promise<number> {
  const { values, positionals } = parseCommand('adapter', argv, {
    out: { type: 'string' },
    check: { type: 'boolean' },
    'old-version': { type: 'string' },
    'new-version': { type: 'string' },
    'allow-remote-refs': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  })
  if (values['help']) {
    writeStdout(adapterUsage)
    return 0
  }
  if (positionals.length !== 2) throw new InputError(`rollsafe adapter takes two files, OLD and NEW\n\n${adapterUsage}`)
  const out = values['out']
  if (typeof out !== 'string' || out === '') throw new InputError(`rollsafe adapter needs --out DIR\n\n${adapterUsage}`)
  const [oldFile, newFile] = positionals as [string, string]
  const versions = {
    ...(typeof values['old-version'] === 'string' ? { oldVersion: values['old-version'] } : {}),
    ...(typeof values['new-version'] === 'string' ? { newVersion: values['new-version'] } : {}),
  }
  const adapter = await generateAdapter(oldFile, newFile, { ...versions, allowRemoteRefs: Boolean(values['allow-remote-refs']) })
  for (const note of adapter.notes) process.stderr.write(`rollsafe: note: ${note}\n`)
  const check = Boolean(values['check'])
  const result = writeAdapter(out, adapter.files, { check })
  for (const path of result.kept) process.stderr.write(`rollsafe: note: left ${path} alone (its header was removed, so it is yours)\n`)
  const manual = adapter.plan.entries.filter((entry) => entry.treatment === 'manual').length
  const todo = manual === 0 ? 'nothing needs a person' : `${manual} change${manual === 1 ? ' needs' : 's need'} a person: see ${out}/ADAPTER.md`
  if (check) {
    if (result.changed.length === 0) {
      writeStdout(`${out} is up to date (${todo})\n`)
      return 0
    }
    writeStdout(`${out} is stale; these files would change:\n${result.changed.map((path) => `  ${path}\n`).join('')}`)
    return 1
  }
  const verb = result.changed.length === 0 ? 'nothing to write' : `wrote ${result.changed.length} file${result.changed.length === 1 ? '' : 's'}`
  writeStdout(`${verb} in ${out}, versions ${adapter.labels.old} → ${adapter.labels.new} (${todo})\n`)
  return 0
}
