import { defineRule } from '../../src/core/rule.js'

export const rule = defineRule({
  id: 'enum-value-added',
  area: 'db',
  direction: 'none',
  severity: 'warning',
  on: ['enum-value-added'],
  summary: 'A value is added to an enum that version A reads.',
  why:
    'Once version B writes the new value, version A reads rows holding a value it has never seen: code that maps ' +
    'the enum to a closed set (a TypeScript union, a Java enum, a switch without default) fails or misbehaves.',
  safe:
    'Release code that tolerates unknown values first (or that already knows the new one), then add the value, ' +
    'and only then release code that writes it.',
  check(change, report) {
    if (change.type !== undefined && change.type.origin !== 'existing') return // created by these migrations: A never read it
    const type = change.type?.key ?? change.object.slice(0, change.object.lastIndexOf('.'))
    report({ message: `value '${change.value}' added to enum \`${type}\``, at: change.at, object: change.object })
  },
})
