import { defineRule } from '../../src/core/rule.js'
import { findColumn } from '../../src/db/schema-model.js'

export const rule = defineRule({
  id: 'unique-index-created',
  area: 'db',
  direction: 'none',
  severity: 'error',
  on: ['index-created'],
  summary: 'A unique index on columns version A writes now rejects duplicates A may insert.',
  why:
    'Version A was written without the uniqueness rule: its writes that duplicate a value now fail. Building the ' +
    'index also fails if duplicates already exist (a concurrent build then leaves an INVALID index behind).',
  safe:
    'Make every writer (version A included) avoid duplicates first, remove existing ones, then CREATE UNIQUE INDEX ' +
    'CONCURRENTLY and check that it is valid.',
  seeAlso: ['Atlas: MF101, MF102'],
  check(change, report) {
    const index = change.index
    if (!index.unique || change.tableOrigin !== 'existing') return
    if (change.schema.views.has(index.table)) return // a materialized view: version A never writes it
    // A column new to A holds only NULLs (which never collide) or B's values.
    const plain = index.columns.filter((c) => c !== '(expression)')
    if (plain.some((c) => (findColumn(change.table, c)?.origin ?? 'existing') !== 'existing')) return
    const same = (columns: ReadonlyArray<string>) => columns.length === index.columns.length && columns.every((c) => index.columns.includes(c))
    const alreadyUnique = [...change.schema.indexes.values()].some((i) => i.table === index.table && i.unique && !i.partial && same(i.columns))
    if (alreadyUnique) return // the same rows were unique before
    report({ message: `unique index \`${change.object}\` on \`${index.table}\` (${index.columns.join(', ')}) created`, at: change.at, object: change.object })
  },
})
