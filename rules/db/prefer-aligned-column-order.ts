import { defineRule } from '../../src/core/rule.js'
import { columnLayout } from '../../src/db/column-layout.js'

const threshold = 8 // bytes per row: a whole 8-byte word

export const rule = defineRule({
  id: 'prefer-aligned-column-order',
  area: 'db',
  direction: 'none',
  severity: 'info',
  on: ['table-created'],
  summary: 'A new table orders its fixed-width columns so that alignment padding wastes space in every row.',
  why:
    'PostgreSQL aligns each fixed-width value (bigint and timestamptz on 8 bytes, integer on 4): a boolean ' +
    'before a bigint leaves 7 unused bytes in every row and index entry. Column order cannot be changed later ' +
    'without rebuilding the table.',
  safe:
    'Declare fixed-width columns from the widest alignment down (bigint, timestamptz, double precision; then ' +
    'integer, date; then smallint; then boolean), variable-length columns (text, numeric, jsonb) last.',
  seeAlso: ['Atlas: PG110'],
  check(change, report) {
    if (change.created.partitionOf !== undefined) return // a partition takes its parent's columns
    const layout = columnLayout(change.created.columns, change.schema)
    if (layout.wasted - layout.best < threshold) return
    report({
      message: `columns of \`${change.object}\` waste ${layout.wasted} bytes of padding per row (${layout.best} in the order ${layout.order.join(', ')})`,
      at: change.at,
      object: change.object,
    })
  },
})
