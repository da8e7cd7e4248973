import { InputError } from '../../core/errors.js'
import type { Version } from './adapter-plan.js'

/** The version names clients send (`Api-Version: 1`) and the type namespaces (`V1`). */
export interface VersionLabels {
  readonly old: string
  readonly new: string
  readonly namespaces: Readonly<Record<Version, string>>
}

/** `1` → `V1`, `v2` → `V2`, `2024-06-01` → `V2024_06_01`, `1.0.0` → `V1_0_0`. */
export function namespaceFor(label: string): string {
  const tail = label.replace(/^[vV](?=[0-9])/, '').replace(/[^A-Za-z0-9_$]+/g, '_')
  return `V${tail === '' ? '_' : tail}`
}

/**
 * The two version labels: the ones given, else each document's `info.version`. When the
 * documents do not tell them apart (same or missing `info.version`), they are `1` and `2`, and
 * `note` says so.
 *
 * @example
 * resolveVersionLabels({ old: '1.0.0', new: '2.0.0' }, {}) // { labels: { old: '1.0.0', new: '2.0.0', … } }
 */
export function resolveVersionLabels(
  declared: { readonly old?: string | undefined; readonly new?: string | undefined },
  given: { readonly old?: string | undefined; readonly new?: string | undefined },
): { readonly labels: VersionLabels; readonly note?: string } {
  let old = given.old ?? declared.old
  let next = given.new ?? declared.new
  let note: string | undefined
  if (old === undefined || next === undefined || old === next) {
    if (given.old !== undefined && given.new !== undefined) {
      throw new InputError(`--old-version and --new-version must differ (both are '${old}')`)
    }
    note = `OLD and NEW do not tell their versions apart (info.version ${declared.old ?? 'missing'} and ${declared.new ?? 'missing'}); calling them ${given.old ?? '1'} and ${given.new ?? '2'} (set --old-version and --new-version)`
    old = given.old ?? '1'
    next = given.new ?? '2'
  }
  const namespaces = { old: namespaceFor(old), new: namespaceFor(next) }
  if (namespaces.old === namespaces.new) {
    throw new InputError(`versions '${old}' and '${next}' would share the type namespace ${namespaces.old}; set --old-version and --new-version`)
  }
  return { labels: { old, new: next, namespaces }, ...(note === undefined ? {} : { note }) }
}
