import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkFlags } from '../src/cli/check-command.js'
import { parseCommand, readCommonOptions } from '../src/cli/common-options.js'
import { predeployFlags } from '../src/cli/predeploy-command.js'

// Every `rollsafe check …` and `rollsafe predeploy …` command the README and the CI docs show must
// parse with the flags the commands really take.
const documents = ['README.md', 'docs/check.md', 'docs/ci.md']
const flags = { check: checkFlags, predeploy: predeployFlags } as const

/** The command lines of one document: `rollsafe check …` up to the end of the line or a comment. */
function commandsIn(text: string): ReadonlyArray<{ readonly command: keyof typeof flags; readonly argv: string[] }> {
  const found: Array<{ command: keyof typeof flags; argv: string[] }> = []
  for (const match of text.matchAll(/rollsafe (check|predeploy)((?: [^#\n`|]*)?)/g)) {
    const words = (match[2] ?? '').trim().match(/"[^"]*"|'[^']*'|\S+/g) ?? []
    // Usage summaries ([--base REF], FOLDER..., a|b) are not commands to run.
    if (words.some((w) => /^\[|\]$|\.\.\.$|\|/.test(w))) continue
    found.push({ command: match[1] as keyof typeof flags, argv: words.map((w) => w.replace(/^["']|["']$/g, '')) })
  }
  return found
}

describe('documented commands', () => {
  for (const document of documents) {
    it(`${document}: every check and predeploy example takes only real flags`, () => {
      const commands = commandsIn(readFileSync(document, 'utf8'))
      for (const { command, argv } of commands) {
        const { values } = parseCommand(command, argv, flags[command])
        expect(() => readCommonOptions(values, {}), `rollsafe ${command} ${argv.join(' ')}`).not.toThrow()
      }
    })
  }

  it('finds the examples (the test would pass vacuously otherwise)', () => {
    const all = documents.flatMap((d) => commandsIn(readFileSync(d, 'utf8')))
    expect(all.filter((c) => c.command === 'check' && c.argv.includes('--base')).length).toBeGreaterThanOrEqual(3)
    expect(all.filter((c) => c.command === 'predeploy' && c.argv.includes('--database-url')).length).toBeGreaterThanOrEqual(2)
  })

  it('rejects a flag the command does not take', () => {
    const [bad] = commandsIn('rollsafe check --bsae main')
    expect(() => parseCommand('check', bad!.argv, checkFlags)).toThrow(/Unknown option '--bsae'/)
  })
})
