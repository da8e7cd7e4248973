import { describe, expect, it } from 'vitest'
import { mayHoldLongName } from './statement-names.js'

/** The filter as first written with regular expressions: the single pass must agree with it everywhere. */
function byPattern(text: string, limit: number): boolean {
  const quoted = /"(?:[^"]|"")*"/g
  const min = Buffer.byteLength(text, 'utf8') === text.length ? limit + 1 : Math.ceil((limit + 1) / 4)
  for (const match of text.matchAll(quoted)) if (match[0].length - 2 >= min) return true
  return new RegExp(`[^\\s(),;.'"]{${min},}`).test(text.replace(quoted, '""'))
}

describe('mayHoldLongName', () => {
  it('finds long quoted and unquoted names', () => {
    expect(mayHoldLongName(`create table "${'a b'.repeat(22)}" (id int)`, 63)).toBe(true)
    expect(mayHoldLongName(`create table ${'a'.repeat(64)} (id int)`, 63)).toBe(true)
    expect(mayHoldLongName(`create table ${'a'.repeat(63)} (id int)`, 63)).toBe(false)
    expect(mayHoldLongName(`create table "é${'a'.repeat(15)}" (id int)`, 63)).toBe(true)
    expect(mayHoldLongName(`create table "${'a'.repeat(30)}""${'b'.repeat(32)}" (id int)`, 63)).toBe(true)
  })

  it('agrees with the pattern-based filter on random texts', () => {
    const alphabet = ['"', '"', '""', 'a', 'bc', ' ', '\u00a0', '\u2003', '\n', '(', ')', ',', ';', '.', "'", 'é', '😀', '\ufeff', 'x1']
    let seed = 42
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let i = 0; i < 5000; i++) {
      const parts: string[] = []
      const length = random(60)
      for (let k = 0; k < length; k++) parts.push(alphabet[random(alphabet.length)]!)
      const text = parts.join('')
      for (const limit of [3, 7, 12]) expect(mayHoldLongName(text, limit), JSON.stringify([text, limit])).toBe(byPattern(text, limit))
    }
  })
})
