import type { Finding } from '../core/finding.js'
import type { SourceRef } from '../core/source-ref.js'
import type { DbChange } from './change.js'
import { lockFacts } from './lock-facts.js'
import type { ParsedFile } from './parse-sql.js'
import type { SchemaModel } from './schema-model.js'

/** A `-- rollsafe-ignore RULE[, RULE]: reason` (next statement) or `-- rollsafe-ignore-file …` (whole file) comment. */
export interface IgnoreComment {
  readonly file: string
  readonly rules: ReadonlyArray<string>
  /** Empty when the comment gives none (itself a finding: `ignore-without-reason`). */
  readonly reason: string
  readonly scope: 'statement' | 'file'
  /** The comment's place. */
  readonly at: SourceRef
  /** For `statement` scope: the pointer (`statement N`) of the statement it applies to. */
  readonly target?: string
}

const comment = /^[ \t]*--[ \t]*rollsafe-ignore(-file)?\b[ \t]*([^\n]*)$/gm

/** Finds the ignore comments of a parsed file (line comments only, at the start of a line). */
export function findIgnoreComments(parsed: ParsedFile): ReadonlyArray<IgnoreComment> {
  const text = parsed.source.text
  if (!text.includes('rollsafe-ignore')) return []
  const found: IgnoreComment[] = []
  for (const match of text.matchAll(comment)) {
    const scope = match[1] ? 'file' : 'statement'
    const body = (match[2] ?? '').trim()
    const colon = body.indexOf(':')
    const ids = (colon === -1 ? body : body.slice(0, colon)).split(/[\s,]+/).filter((r) => r !== '')
    const reason = colon === -1 ? '' : body.slice(colon + 1).trim()
    const offset = match.index + match[0].indexOf('--')
    const byte = parsed.source.byteOf(offset)
    const place = parsed.source.place(byte)
    const next = parsed.statements.find((s) => s.startByte > byte)
    const at = { file: parsed.file, line: place.line, column: place.column }
    found.push({
      file: parsed.file,
      rules: ids,
      reason,
      scope,
      at,
      ...(scope === 'statement' && next?.at.pointer !== undefined ? { target: next.at.pointer } : {}),
    })
  }
  return found
}

/** A rule named by an ignore comment that accepted none of that rule's findings. */
export interface UnusedIgnore {
  readonly ignore: IgnoreComment
  /** The id as the comment writes it. */
  readonly rule: string
}

/**
 * Drops the findings an ignore comment accepts (by rule id and statement, never by message), and
 * tells which rules of which comments accepted nothing.
 */
export function applyIgnoreComments(
  findings: ReadonlyArray<Finding>,
  ignores: ReadonlyArray<IgnoreComment>,
  resolveId: (id: string) => string = (id) => id,
): { readonly findings: ReadonlyArray<Finding>; readonly ignored: number; readonly unused: ReadonlyArray<UnusedIgnore> } {
  const used = ignores.map(() => new Set<string>())
  const accepted = (f: Finding): boolean => {
    let hit = false
    ignores.forEach((i, k) => {
      if (i.file !== f.location.file || (i.scope !== 'file' && i.target !== f.location.pointer)) return
      for (const r of i.rules) {
        if (resolveId(r) !== f.rule) continue
        used[k]!.add(r)
        hit = true
      }
    })
    return hit
  }
  const kept = findings.filter((f) => f.rule === 'ignore-without-reason' || !accepted(f))
  const unused = ignores.flatMap((ignore, k) => ignore.rules.filter((rule) => !used[k]!.has(rule)).map((rule) => ({ ignore, rule })))
  return { findings: kept, ignored: findings.length - kept.length, unused }
}

/** What every change made of an ignore comment carries: its place, no statement, no lock. */
function commentHead(ignore: IgnoreComment, object: string, schema: SchemaModel, pgVersion: number) {
  return {
    direction: 'none' as const,
    at: ignore.at,
    object,
    origin: 'file' as const,
    tableOrigin: 'file' as const,
    statement: { index: -1, type: 'comment', text: '', node: undefined, fileStatements: 0 },
    schema,
    tx: { mode: 'none' as const, held: [], position: 0, following: 0 },
    lock: lockFacts('none', pgVersion),
    pgVersion,
    fromSchemaDiff: false,
  }
}

/** The `ignore-comment` change for a comment, so that rules (`ignore-without-reason`) can check it. */
export function ignoreCommentChange(ignore: IgnoreComment, schema: SchemaModel, pgVersion: number): DbChange {
  return { ...commentHead(ignore, ignore.rules.join(', '), schema, pgVersion), kind: 'ignore-comment', rules: ignore.rules, reason: ignore.reason, scope: ignore.scope }
}

/** The `ignore-unused` change for a rule a comment names that accepted nothing (`unused-ignore`). */
export function unusedIgnoreChange(unused: UnusedIgnore, known: boolean, schema: SchemaModel, pgVersion: number): DbChange {
  return { ...commentHead(unused.ignore, unused.rule, schema, pgVersion), kind: 'ignore-unused', rule: unused.rule, known, scope: unused.ignore.scope }
}
