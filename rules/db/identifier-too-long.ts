import { defineRule } from '../../src/core/rule.js'
import { longNames } from '../../src/db/statement-names.js'

const limit = 63 // NAMEDATALEN - 1

export const rule = defineRule({
  id: 'identifier-too-long',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['statement'],
  summary: 'A name is longer than the 63 bytes PostgreSQL keeps.',
  why:
    'PostgreSQL silently truncates longer names to 63 bytes: two long names can collide, and tools or code that ' +
    'compare names (ORMs, schema diffs, monitoring) see another name than the one written.',
  safe: 'Shorten the name to 63 bytes or fewer (count bytes, not characters, for non-ASCII names).',
  seeAlso: ['squawk: identifier-too-long'],
  check(change, report) {
    for (const { name, bytes } of longNames(change.statement.text, change.statement.node, limit)) {
      report({ message: `name \`${name}\` is ${bytes} bytes long, over the ${limit}-byte limit`, at: change.at, object: name })
    }
  },
})
