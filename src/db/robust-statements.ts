import { nodeBody, nodeOf, nodeType } from './pg-ast.js'

type Cmd = { subtype?: string; missing_ok?: boolean; name?: string; def?: unknown }

/** What makes one ALTER TABLE subcommand fail when run a second time; undefined when it is safe to repeat. */
function fragileCommand(cmd: Cmd, earlier: ReadonlyArray<Cmd>): string | undefined {
  switch (cmd.subtype) {
    case 'AT_AddColumn':
      return cmd.missing_ok ? undefined : 'ADD COLUMN without IF NOT EXISTS'
    case 'AT_DropColumn':
      return cmd.missing_ok ? undefined : 'DROP COLUMN without IF EXISTS'
    case 'AT_DropConstraint':
      return cmd.missing_ok ? undefined : 'DROP CONSTRAINT without IF EXISTS'
    case 'AT_AddConstraint': {
      // PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS: a DROP CONSTRAINT IF EXISTS of the same name first makes it repeatable.
      const name = nodeOf<{ conname?: string }>(cmd.def, 'Constraint')?.conname
      const dropped = earlier.some((c) => c.subtype === 'AT_DropConstraint' && c.missing_ok && c.name === name)
      return name !== undefined && dropped ? undefined : 'ADD CONSTRAINT without DROP CONSTRAINT IF EXISTS before it'
    }
    default:
      return undefined
  }
}

/**
 * Why a DDL statement fails when run again after it already succeeded (a migration retried after a
 * partial failure): `CREATE TABLE without IF NOT EXISTS`, … Empty when it can be repeated.
 *
 * @example
 * fragileParts(parse('create index i on t (a)')) // ['CREATE INDEX without IF NOT EXISTS']
 */
export function fragileParts(node: unknown): ReadonlyArray<string> {
  const body = nodeBody(node)
  switch (nodeType(node)) {
    case 'CreateStmt':
      return body['if_not_exists'] ? [] : ['CREATE TABLE without IF NOT EXISTS']
    case 'IndexStmt': {
      // An unnamed CONCURRENTLY build that fails leaves an INVALID index under a generated name.
      if (body['idxname'] === undefined) return body['concurrent'] ? ['CREATE INDEX CONCURRENTLY without a name'] : ['CREATE INDEX without a name']
      return body['if_not_exists'] ? [] : ['CREATE INDEX without IF NOT EXISTS']
    }
    case 'DropStmt':
      return body['missing_ok'] ? [] : ['DROP without IF EXISTS']
    case 'AlterTableStmt': {
      const cmds = ((body['cmds'] as ReadonlyArray<unknown> | undefined) ?? []).map((c) => nodeOf<Cmd>(c, 'AlterTableCmd') ?? {})
      return cmds.map((cmd, i) => fragileCommand(cmd, cmds.slice(0, i))).filter((p): p is string => p !== undefined)
    }
    default:
      return []
  }
}
