import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'opaque-statement',
  area: 'db',
  direction: 'none',
  severity: 'info',
  on: ['statement'],
  summary: 'A DO block or CALL runs code whose schema changes and locks static analysis cannot see.',
  why:
    'Statements run by PL/pgSQL (EXECUTE, dynamic DDL, loops of UPDATEs) are not parsed: any drop, rename, ' +
    'rewrite or long lock inside goes unreported.',
  safe: 'Write the DDL as plain statements, or check the migration with --trace, which runs it on a shadow database and observes its effects.',
  seeAlso: ['strong_migrations: execute'],
  check(change, report) {
    if (!change.opaque || change.statement.type === 'CreateFunctionStmt') return // a function body does not run here
    const what = change.statement.type === 'DoStmt' ? 'DO block' : 'CALL'
    report({ message: `${what} not analysed: its statements are invisible to static checks`, at: change.at })
  },
})
