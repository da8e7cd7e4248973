import { beforeAll, describe, expect, it } from 'vitest'
import { initParser } from '../../../db/parse-sql.js'
import { ScriptError, scriptUnits } from './run-script.js'

beforeAll(async () => {
  await initParser()
})

describe('scriptUnits', () => {
  it('splits statements and takes the unterminated query before \\gexec as its query', () => {
    const text = [
      '\\set ON_ERROR_STOP on',
      "SET lock_timeout = '5s';",
      'BEGIN;',
      'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;',
      'COMMIT;',
      '-- batches',
      "SELECT 'UPDATE t SET a = 1' AS batch",
      'FROM generate_series(1, 2)',
      '\\gexec',
      'SELECT 2;',
    ].join('\n')
    expect(scriptUnits('f.sql', text).map((u) => [u.kind, u.line, u.text.split('\n')[0]])).toEqual([
      ['sql', 2, "SET lock_timeout = '5s'"],
      ['sql', 3, 'BEGIN'],
      ['sql', 4, 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$'],
      ['sql', 5, 'COMMIT'],
      ['gexec', 7, "SELECT 'UPDATE t SET a = 1' AS batch"],
      ['sql', 10, 'SELECT 2'],
    ])
  })

  it('refuses psql meta-commands it does not run, and a \\gexec without a query', () => {
    expect(() => scriptUnits('f.sql', 'SELECT 1;\n\\i other.sql\n')).toThrow(new ScriptError('f.sql', 2, '\\i other.sql', 'psql meta-command rollsafe does not run: \\i other.sql'))
    expect(() => scriptUnits('f.sql', 'SELECT 1;\n\\gexec\n')).toThrow('f.sql:2: \\gexec without a query before it')
  })
})
