import { schemaMessage } from '../../src/api/describe-change.js'
import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'response-became-nullable',
  area: 'api',
  on: ['nullable-changed'],
  direction: 'response',
  severity: 'error',
  summary: 'A response value that version A never sent as null may be null in version B.',
  why:
    'Clients of A dereference this value without a null check, and generated clients map it to a non-nullable type. When a call reaches B and B sends `null`, deserialization throws or code such as `pet.owner.name` crashes.',
  safe:
    'Keep sending a non-null value (a default or an empty value) in this field. If absence must be expressed, add a new nullable property, move clients to it, and deprecate the old one.',
  seeAlso: [
    'oasdiff: response-body-became-nullable',
    'oasdiff: response-property-became-nullable',
    'oasdiff: response-header-became-nullable',
  ],
  check(change, report) {
    if (!change.nullable) return
    report({ message: schemaMessage(change, 'became nullable'), at: change.at })
  },
})
