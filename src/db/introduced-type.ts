import type { ChangeOf } from '../core/rule.js'
import type { TypeRef } from './type-ref.js'

/** The changes that give a column a type: a new column, or a type change. */
export type TypedColumnChange = ChangeOf<'column-added' | 'column-type-changed'>

/** What a typed-column change introduces, as the migration wrote it. */
export interface IntroducedType {
  readonly type: TypeRef
  /** As written: `serial` for a serial column (whose `type` is `integer`), else the type's display. */
  readonly shown: string
  /** The fact for a finding: ``column `public.users.id` added as `serial` ``. */
  readonly message: string
}

const serialNames: Readonly<Record<string, string>> = { int4: 'serial', int8: 'bigserial', int2: 'smallserial' }

/**
 * The type a change gives a column, or undefined when the migration did not write one (a column
 * copied by `LIKE` or from a partition's parent). Type-practice rules (`prefer-timestamptz`, …) read this.
 *
 * @example
 * const t = introducedType(change) // { type: { name: 'int4', … }, shown: 'serial', message: 'column `public.t.id` added as `serial`' }
 * if (t?.type.name === 'int4') report({ message: t.message, at: change.at, object: change.object })
 */
export function introducedType(change: TypedColumnChange): IntroducedType | undefined {
  if (change.kind === 'column-added' && change.inherited) return undefined
  const message = (verb: string, shown: string) => `column \`${change.object}\` ${verb} \`${shown}\``
  if (change.kind === 'column-type-changed') {
    return { type: change.to, shown: change.to.display, message: message('changed to', change.to.display) }
  }
  const type = change.column.type
  const shown = change.serial ? (serialNames[type.name] ?? type.display) : type.display
  return { type, shown, message: message('added as', shown) }
}
