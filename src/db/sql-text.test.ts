import { describe, expect, it } from 'vitest'
import { skipTrivia, sqlText } from './sql-text.js'

describe('sqlText', () => {
  it('turns UTF-8 byte offsets into lines and character columns', () => {
    const text = sqlText('-- héllo wörld\nalter table "ü" add column x int;')
    const byte = Buffer.byteLength('-- héllo wörld\nalter table "', 'utf8')
    expect(text.place(byte)).toEqual({ line: 2, column: 14 })
    expect(text.slice(byte, byte + 2)).toBe('ü')
  })

  it('counts characters outside the BMP as one column', () => {
    const text = sqlText("select '😀', x")
    expect(text.place(Buffer.byteLength("select '😀', ", 'utf8'))).toEqual({ line: 1, column: 13 })
  })

  it('maps character offsets back to bytes', () => {
    expect(sqlText('é;x').byteOf(2)).toBe(3)
  })

  it('skips whitespace, line and block comments to the next token', () => {
    const text = sqlText('  -- a\n /* b\n c */\n  drop table t')
    expect(text.place(skipTrivia(text, 0))).toEqual({ line: 4, column: 3 })
  })
})
