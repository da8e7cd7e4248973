import type { Finding } from '../../core/finding.js'
import type { DbChange } from '../../db/change.js'
import { isPlannable } from './plannable.js'

/**
 * Points the findings on statements `rollsafe plan` can split to it: their `fix` gains
 * "Run `rollsafe plan FILE` …". Pure: the statements are told by file and pointer.
 *
 * @example
 * pointToPlan(findings, analysis.changes)[0]?.fix
 * // 'Add the new column, … Run `rollsafe plan db/004.sql` to get these phases as SQL files with rollbacks and a runbook.'
 */
export function pointToPlan(findings: ReadonlyArray<Finding>, changes: ReadonlyArray<DbChange>): Finding[] {
  const place = (file: string, pointer: string | undefined): string => `${file}\u0000${pointer ?? ''}`
  const splittable = new Set(changes.filter((c) => !c.fromSchemaDiff && isPlannable(c)).map((c) => place(c.at.file, c.at.pointer)))
  return findings.map((finding) => {
    if (finding.area !== 'db' || !splittable.has(place(finding.location.file, finding.location.pointer))) return finding
    const hint = `Run \`rollsafe plan ${finding.location.file}\` to get these phases as SQL files with rollbacks and a runbook.`
    return { ...finding, fix: finding.fix ? `${finding.fix} ${hint}` : hint }
  })
}
