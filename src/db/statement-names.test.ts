import { beforeAll, describe, expect, it } from 'vitest'
import { initParser, scanSql } from './parse-sql.js'
import { mayHoldLongName } from './statement-names.js'

beforeAll(() => initParser())

/** The exact answer, from PostgreSQL's scanner: a name token over `limit` bytes; undefined when the text does not scan. */
function scannerFindsLongName(text: string, limit: number): boolean | undefined {
  let tokens
  try {
    tokens = scanSql(text).tokens
  } catch {
    return undefined
  }
  return tokens.some((token) => {
    if (token.tokenName !== 'IDENT') return false
    const name = token.text.startsWith('"') ? token.text.slice(1, -1).replaceAll('""', '"') : token.text
    return Buffer.byteLength(name, 'utf8') > limit
  })
}

describe('mayHoldLongName', () => {
  it('finds long quoted and unquoted names', () => {
    expect(mayHoldLongName(`create table "${'a b'.repeat(22)}" (id int)`, 63)).toBe(true)
    expect(mayHoldLongName(`create table ${'a'.repeat(64)} (id int)`, 63)).toBe(true)
    expect(mayHoldLongName(`create table ${'a'.repeat(63)} (id int)`, 63)).toBe(false)
    expect(mayHoldLongName(`create table "é${'a'.repeat(15)}" (id int)`, 63)).toBe(true)
    // `""` inside a quoted name is one quote: 31 + 1 + 32 characters pass 63 bytes, 30 + 1 + 32 do not.
    expect(mayHoldLongName(`create table "${'a'.repeat(31)}""${'b'.repeat(32)}" (id int)`, 63)).toBe(true)
    expect(mayHoldLongName(`create table "${'a'.repeat(30)}""${'b'.repeat(32)}" (id int)`, 63)).toBe(false)
  })

  it('never misses a long name the scanner finds, on random texts', () => {
    const alphabet = ['"', '"', '""', 'a', 'bc', ' ', '\u00a0', '\u2003', '\n', '(', ')', ',', ';', '.', "'", 'é', '😀', '\ufeff', 'x1']
    let seed = 42
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    let checked = 0
    for (let i = 0; i < 5000; i++) {
      const parts: string[] = []
      const length = random(60)
      for (let k = 0; k < length; k++) parts.push(alphabet[random(alphabet.length)]!)
      const text = parts.join('')
      for (const limit of [3, 7, 12]) {
        if (scannerFindsLongName(text, limit) !== true) continue
        checked++
        expect(mayHoldLongName(text, limit), JSON.stringify([text, limit])).toBe(true)
      }
    }
    expect(checked).toBeGreaterThan(500)
  })
})
