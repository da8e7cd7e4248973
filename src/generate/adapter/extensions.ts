import type { Operation, Parameter, Schema } from '../../api/model.js'
import { canonicalJson } from '../../api/canonical-json.js'
import { asRecord, type RawDocuments } from './raw-document.js'

/** How a property that B removed is given back to A's clients. */
export type Restore = { readonly from: string } | { readonly value: unknown }

/**
 * The `x-rollsafe-*` hints a team writes into NEW to say what a diff cannot know:
 *
 * - `x-rollsafe-renamed-from: name` on a property or parameter: it is the old one renamed;
 * - `x-rollsafe-moved-from: /old/path` on an operation: the endpoint moved;
 * - `x-rollsafe-enum-map: { old: new }` on an enum schema: old values and their new spelling;
 * - `x-rollsafe-restore: { prop: { from: other } | { value: v } }` on an object schema: how to
 *   give back a property that NEW removed from responses.
 */
export interface Hints {
  propertyRenamedFrom(parent: Schema, name: string): string | undefined
  parameterRenamedFrom(parameter: Parameter): string | undefined
  movedFrom(operation: Operation): string | undefined
  /** Old value (canonical JSON) → new value, from the hint on B's schema `after`. */
  enumMap(before: Schema, after: Schema): ReadonlyMap<string, unknown>
  restore(parent: Schema, name: string): Restore | undefined
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** Reads the hints from NEW's documents as written (the model keeps no `x-` keys). */
export function readHints(raw: RawDocuments): Hints {
  return {
    propertyRenamedFrom: (parent, name) => text(raw.at(parent.ref, 'properties', name, 'x-rollsafe-renamed-from')),
    parameterRenamedFrom: (parameter) => text(raw.at(parameter.ref, 'x-rollsafe-renamed-from')),
    movedFrom: (operation) => text(raw.at(operation.ref, 'x-rollsafe-moved-from')),
    enumMap(before, after) {
      const map = asRecord(raw.at(after.ref, 'x-rollsafe-enum-map')) ?? {}
      const out = new Map<string, unknown>()
      for (const key of Object.keys(map).sort()) {
        // Keys are written as text; a numeric enum's `1` means the number when the enum has it.
        const old = before.enum?.find((value) => String(value) === key) ?? key
        out.set(canonicalJson(old), map[key])
      }
      return out
    },
    restore(parent, name) {
      const entry = asRecord(asRecord(raw.at(parent.ref, 'x-rollsafe-restore'))?.[name])
      if (entry === undefined) return undefined
      const from = text(entry['from'])
      if (from !== undefined) return { from }
      return 'value' in entry ? { value: entry['value'] } : undefined
    },
  }
}
