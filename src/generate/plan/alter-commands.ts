import type { AlterTableStmt } from 'libpg-query'
import type { ParsedStatement } from '../../db/parse-sql.js'
import { nodeOf } from '../../db/pg-ast.js'
import { alterTableParts } from './statement-parts.js'

/**
 * The subcommands of an ALTER TABLE statement: each one's text as written and its AST, in order.
 *
 * @example
 * commandsOf(statement)?.map((c) => c.node['subtype']) // ['AT_ColumnDefault', 'AT_SetNotNull']
 */
export interface Command {
  readonly text: string
  readonly node: Readonly<Record<string, unknown>>
}

export function commandsOf(statement: Pick<ParsedStatement, 'node' | 'text'>): ReadonlyArray<Command> | undefined {
  const alter = nodeOf<AlterTableStmt>(statement.node, 'AlterTableStmt')
  if (alter === undefined || alter.objtype !== 'OBJECT_TABLE') return undefined
  const texts = alterTableParts(statement.text).commands
  const nodes = (alter.cmds ?? []).map((c) => nodeOf<Record<string, unknown>>(c, 'AlterTableCmd') ?? {})
  return texts.length === nodes.length ? nodes.map((node, i) => ({ text: texts[i] ?? '', node })) : undefined
}

/** The text of the subcommand of `subtype` (`AT_ColumnDefault`) on column `name`. */
export function commandText(statement: Pick<ParsedStatement, 'node' | 'text'>, subtype: string, name: string): string | undefined {
  return commandsOf(statement)?.find((c) => c.node['subtype'] === subtype && c.node['name'] === name)?.text
}
