import { describeBoundChange, schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-min-length-decreased',
  area: 'api',
  on: ['bound-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response string may be shorter than the minLength version A declared.',
  why:
    "Clients of A rely on A's minLength: they take the first characters of a code, or assume the string is never empty. A shorter string from B makes that code fail or fails strict response validation.",
  safe:
    "Keep B's strings at A's minLength or longer. If shorter (or empty) values are needed, send them in a new property.",
  seeAlso: ['oasdiff: response-body-min-length-decreased', 'oasdiff: response-property-min-length-decreased'],
  check(change, report) {
    if (!['minLength'].includes(change.keyword) || change.effect === 'narrowed') return
    report({ message: schemaMessage(change, describeBoundChange(change)), at: change.at })
  },
})
