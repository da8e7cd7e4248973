import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findConfig } from './find-config.js'

const root = mkdtempSync(join(tmpdir(), 'rollsafe-find-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function folder(...parts: string[]): string {
  const dir = join(root, ...parts)
  mkdirSync(dir, { recursive: true })
  return dir
}

describe('findConfig', () => {
  it('finds the nearest config in the folder or above it', () => {
    const repo = folder('repo')
    writeFileSync(join(repo, 'rollsafe.config.yaml'), 'api: [a.yaml]\n')
    const service = folder('repo', 'services', 'pets')
    expect(findConfig(service)).toBe(join(repo, 'rollsafe.config.yaml'))
    writeFileSync(join(service, 'rollsafe.config.json'), '{}')
    expect(findConfig(service)).toBe(join(service, 'rollsafe.config.json'))
    expect(findConfig(repo)).toBe(join(repo, 'rollsafe.config.yaml'))
  })

  it('accepts the .yml spelling', () => {
    const dir = folder('yml')
    writeFileSync(join(dir, 'rollsafe.config.yml'), 'api: [a.yaml]\n')
    expect(findConfig(dir)).toBe(join(dir, 'rollsafe.config.yml'))
  })

  it('refuses two configs in one folder', () => {
    const dir = folder('both')
    writeFileSync(join(dir, 'rollsafe.config.yaml'), 'api: [a.yaml]\n')
    writeFileSync(join(dir, 'rollsafe.config.json'), '{}')
    expect(() => findConfig(dir)).toThrow(`${dir}: both rollsafe.config.yaml and rollsafe.config.json; keep one`)
  })

  it('gives undefined when there is none up to the root', () => {
    // The temp folder's own ancestors (/tmp, /) hold no rollsafe config on any sane machine.
    expect(findConfig(folder('empty', 'deep'))).toBeUndefined()
  })
})
