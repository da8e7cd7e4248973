import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { commonFlags, parseCommand, readCommonOptions } from '../src/cli/common-options.js'

interface Step {
  readonly id?: string
  readonly run?: string
  readonly uses?: string
}
interface Action {
  readonly inputs: Record<string, unknown>
  readonly outputs: Record<string, { readonly value: string }>
  readonly runs: { readonly using: string; readonly steps: ReadonlyArray<Step> }
}

const text = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
const action = parse(text) as Action

describe('action.yml', () => {
  it('is a composite action whose expressions name declared inputs and written outputs', () => {
    expect(action.runs.using).toBe('composite')
    const usedInputs = [...text.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1])
    for (const name of usedInputs) expect(Object.keys(action.inputs)).toContain(name)
    const check = action.runs.steps.find((s) => s.id === 'check')?.run ?? ''
    const usedOutputs = [...text.matchAll(/steps\.check\.outputs\.([\w-]+)/g)].map((m) => m[1])
    for (const name of usedOutputs) expect(check).toContain(`echo "${name}=`)
  })

  it('runs shell that parses', () => {
    for (const step of action.runs.steps.filter((s) => s.run !== undefined)) {
      expect(() => execFileSync('bash', ['-n'], { input: step.run })).not.toThrow()
    }
  })

  it('passes rollsafe the common flags it accepts', () => {
    const check = action.runs.steps.find((s) => s.id === 'check')?.run ?? ''
    expect(check).toContain('args=(check --format github --output "sarif=$SARIF" --output "markdown=$MARKDOWN")')
    const argv = ['--format', 'github', '--output', 'sarif=rollsafe.sarif', '--output', 'markdown=rollsafe.md']
    const { values } = parseCommand('check', [...argv, '--config', 'c.yaml', '--fail-on', 'error'], commonFlags)
    expect(readCommonOptions(values, {})).toMatchObject({
      format: 'github',
      failOn: 'error',
      config: 'c.yaml',
      outputs: [
        { format: 'sarif', file: 'rollsafe.sarif' },
        { format: 'markdown', file: 'rollsafe.md' },
      ],
    })
  })
})
