import type { ColumnModel, SchemaModel } from './schema-model.js'
import type { TypeRef } from './type-ref.js'

/** On-disk length and alignment of a fixed-width type (pg_type.typlen / typalign). */
interface FixedWidth {
  readonly length: number
  readonly align: number
}

const fixed: Readonly<Record<string, FixedWidth>> = {
  bool: { length: 1, align: 1 },
  char: { length: 1, align: 1 },
  int2: { length: 2, align: 2 },
  int4: { length: 4, align: 4 },
  float4: { length: 4, align: 4 },
  date: { length: 4, align: 4 },
  oid: { length: 4, align: 4 },
  int8: { length: 8, align: 8 },
  float8: { length: 8, align: 8 },
  money: { length: 8, align: 8 },
  time: { length: 8, align: 8 },
  timestamp: { length: 8, align: 8 },
  timestamptz: { length: 8, align: 8 },
  timetz: { length: 12, align: 8 },
  interval: { length: 16, align: 8 },
  uuid: { length: 16, align: 1 },
  macaddr: { length: 6, align: 4 },
  macaddr8: { length: 8, align: 4 },
  point: { length: 16, align: 8 },
}

/** The fixed width of a column type, or undefined for variable-length ones (text, numeric, jsonb, arrays…). */
function widthOf(type: TypeRef, schema: SchemaModel): FixedWidth | undefined {
  if (type.arrayDims > 0) return undefined
  const user = schema.types.get(type.name) ?? schema.types.get(`public.${type.name}`)
  if (user?.kind === 'enum') return { length: 4, align: 4 } // an enum is stored as its oid
  if (user?.kind === 'domain' && user.base !== undefined) return widthOf(user.base, schema)
  return fixed[type.name]
}

function padding(widths: ReadonlyArray<FixedWidth>): number {
  let offset = 0
  let wasted = 0
  for (const w of widths) {
    const pad = (w.align - (offset % w.align)) % w.align
    wasted += pad
    offset += pad + w.length
  }
  return wasted
}

export interface ColumnLayout {
  /** Bytes of alignment padding per row between fixed-width columns, in the order written. */
  readonly wasted: number
  /** The same with fixed-width columns ordered by alignment, widest first. */
  readonly best: number
  /** Fixed-width column names in that better order. */
  readonly order: ReadonlyArray<string>
}

/**
 * Alignment padding of a table's fixed-width columns in their written order and in the best order.
 * Variable-length columns are left out: short values are stored unaligned, and they belong at the end.
 *
 * @example
 * columnLayout(table.columns, schema) // { wasted: 14, best: 0, order: ['id', 'created_at', 'active', 'deleted'] }
 */
export function columnLayout(columns: ReadonlyArray<ColumnModel>, schema: SchemaModel): ColumnLayout {
  const sized = columns.flatMap((c) => {
    const w = widthOf(c.type, schema)
    return w === undefined ? [] : [{ name: c.name, ...w }]
  })
  const sorted = [...sized].sort((a, b) => b.align - a.align || b.length - a.length)
  return { wasted: padding(sized), best: padding(sorted), order: sorted.map((c) => c.name) }
}
