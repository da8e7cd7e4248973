import { checkApi } from '../api/check-api.js'
import { InputError } from '../core/errors.js'
import { commonFlags, commonUsage, parseCommand, readCommonOptions } from './common-options.js'
import { finish } from './finish.js'
import { readConfig } from './read-config.js'
import { today } from './today.js'
import { writeStdout } from './stdout.js'

export const apiUsage = `rollsafe api OLD NEW [options]

Is NEW a backward-compatible superset of OLD? OpenAPI 2.0, 3.0 and 3.1, YAML or JSON.
The config's policy (failOn, rules, ignore) applies when there is one.

${commonUsage}  --allow-remote-refs     resolve $refs to http(s) URLs (refused by default)
  --validate              also validate both documents against the official OpenAPI JSON Schema
                          (swagger-parser; slower: about 0.4 s per large document)
`

export async function apiCommand(argv: ReadonlyArray<string>): Promise<number> {
  const { values, positionals } = parseCommand('api', argv, {
    ...commonFlags,
    'allow-remote-refs': { type: 'boolean' },
    validate: { type: 'boolean' },
  })
  if (values.help) {
    writeStdout(apiUsage)
    return 0
  }
  if (positionals.length !== 2) throw new InputError(`rollsafe api takes two files, OLD and NEW\n\n${apiUsage}`)
  const [oldFile, newFile] = positionals as [string, string]
  const options = readCommonOptions(values)
  const config = await readConfig(options.config)
  const findings = await checkApi(oldFile, newFile, {
    today: today(),
    allowRemoteRefs: Boolean(values['allow-remote-refs']),
    validate: Boolean(values['validate']),
  })
  return finish(findings, `${oldFile} → ${newFile}`, options, config?.policy)
}
