import { checkApi } from '../api/check-api.js'
import { InputError } from '../core/errors.js'
import { commonFlags, parseCommand, readCommonOptions } from './common-options.js'
import { finish } from './finish.js'
import { today } from './today.js'

export const apiUsage = `rollsafe api OLD NEW [options]

Is NEW a backward-compatible superset of OLD? OpenAPI 2.0, 3.0 and 3.1, YAML or JSON.

  --format text|json|markdown   output format (default text)
  --fail-on error|warning|info|never   exit 1 when a finding reaches this level (default error)
  --allow-remote-refs           resolve $refs to http(s) URLs (refused by default)
  --color, --no-color           force colour on or off (default: on a TTY unless NO_COLOR)
`

export async function apiCommand(argv: ReadonlyArray<string>): Promise<number> {
  const { values, positionals } = parseCommand('api', argv, {
    ...commonFlags,
    'allow-remote-refs': { type: 'boolean' },
  })
  if (values.help) {
    process.stdout.write(apiUsage)
    return 0
  }
  if (positionals.length !== 2) throw new InputError(`rollsafe api takes two files, OLD and NEW\n\n${apiUsage}`)
  const [oldFile, newFile] = positionals as [string, string]
  const options = readCommonOptions(values)
  const findings = await checkApi(oldFile, newFile, {
    today: today(),
    allowRemoteRefs: Boolean(values['allow-remote-refs']),
  })
  return finish(findings, `${oldFile} → ${newFile}`, options)
}
