import type { TypeName } from 'libpg-query'
import { nodeOf, stringList } from './pg-ast.js'

/**
 * A column type as written, normalized: `pg_catalog.int8` → `int8`, `varchar(32)` → name `varchar`
 * with `mods: [32]`. User types keep their schema when one was written.
 */
export interface TypeRef {
  /** Internal name without `pg_catalog.`: `int8`, `varchar`, `timestamptz`, `public.mood`, `mood`. */
  readonly name: string
  /** Numeric type modifiers: `[32]` for varchar(32), `[10, 2]` for numeric(10,2). */
  readonly mods: ReadonlyArray<number>
  /** Array dimensions: 1 for `text[]`. */
  readonly arrayDims: number
  /** How to show it: `varchar(32)`, `bigint`, `text[]`. */
  readonly display: string
}

const sqlNames: Readonly<Record<string, string>> = {
  int8: 'bigint',
  int4: 'integer',
  int2: 'smallint',
  float8: 'double precision',
  float4: 'real',
  bool: 'boolean',
  bpchar: 'char',
  varchar: 'varchar',
  timestamptz: 'timestamptz',
  timestamp: 'timestamp',
  timetz: 'timetz',
  varbit: 'varbit',
}

/** Synonyms written without `pg_catalog.` that name the same type. */
const aliases: Readonly<Record<string, string>> = {
  int: 'int4',
  integer: 'int4',
  bigint: 'int8',
  smallint: 'int2',
  boolean: 'bool',
  'character varying': 'varchar',
  character: 'bpchar',
  char: 'bpchar',
  decimal: 'numeric',
  real: 'float4',
  'double precision': 'float8',
  'timestamp with time zone': 'timestamptz',
  'timestamp without time zone': 'timestamp',
}

function modValue(node: unknown): number | undefined {
  const c = nodeOf<{ ival?: { ival?: number }; sval?: { sval?: string } }>(node, 'A_Const')
  if (c?.ival !== undefined) return c.ival.ival ?? 0
  const s = c?.sval?.sval
  return s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined
}

/** Builds a `TypeRef` from a parsed `TypeName`. */
export function typeRefOf(typeName: TypeName | undefined): TypeRef {
  const parts = stringList(typeName?.names)
  const qualified = parts[0] === 'pg_catalog' ? parts.slice(1) : parts
  // The parser already folds unquoted names; quoted user types ("OrderStatus") keep their case.
  const raw = qualified.join('.')
  const name = aliases[raw.toLowerCase()] ?? raw
  const mods = (typeName?.typmods ?? []).map(modValue).filter((m): m is number => m !== undefined)
  const arrayDims = typeName?.arrayBounds?.length ?? 0
  return makeTypeRef(name, mods, arrayDims)
}

export function makeTypeRef(name: string, mods: ReadonlyArray<number> = [], arrayDims = 0): TypeRef {
  const shown = sqlNames[name] ?? name
  const display = `${shown}${mods.length ? `(${mods.join(',')})` : ''}${'[]'.repeat(arrayDims)}`
  return { name, mods, arrayDims, display }
}

/** Same type, same modifiers, same array dimensions. */
export function sameType(a: TypeRef, b: TypeRef): boolean {
  return a.display === b.display
}

/** serial types are not types: they mean an integer column with a sequence default. */
export function serialBase(type: TypeRef): string | undefined {
  const bases: Readonly<Record<string, string>> = {
    serial: 'int4',
    serial4: 'int4',
    bigserial: 'int8',
    serial8: 'int8',
    smallserial: 'int2',
    serial2: 'int2',
  }
  return type.arrayDims === 0 ? bases[type.name] : undefined
}
