import { describeParameter, formatValue, messageFor } from '../../src/api/describe.js'
import type { Parameter } from '../../src/api/model.js'
import { defineRule } from '../../src/core/rule.js'

function serialization(parameter: Parameter): string {
  return formatValue(`${parameter.style}${parameter.explode ? ', explode' : ''}`)
}

export const rule = defineRule({
  id: 'request-parameter-serialization-changed',
  area: 'api',
  on: ['parameter-serialization-changed'],
  direction: 'request',
  severity: 'error',
  summary: 'Version B expects a request parameter serialized differently (style or explode) than version A.',
  why:
    'Clients of A encode the value the way A declared it: `?tags=a&tags=b` (form, explode), `?tags=a,b` (form), ' +
    '`?tags=a|b` (pipeDelimited) or `?filter[name]=x` (deepObject). B parses the same bytes differently, so ' +
    'it reads a wrong value (one tag `a,b` instead of two) or rejects the call, mid-rollout and after.',
  safe:
    'Keep the serialization of the existing parameter. Accept the new format under a new parameter name, or ' +
    'let B parse both formats for as long as clients of A exist.',
  symmetryWaiver: 'Parameters exist only in requests; response headers always use the simple style.',
  check(change, report) {
    const fact = `${describeParameter(change.after)} serialization changed from ${serialization(change.before)} to ${serialization(change.after)}`
    report({ message: messageFor(change, fact), at: change.at })
  },
})
