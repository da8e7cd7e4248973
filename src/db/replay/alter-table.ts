import type { AlterTableCmd, AlterTableStmt, PartitionCmd } from 'libpg-query'
import type { DbChangeDetail } from '../change.js'
import { lockFacts, type LockAction, type LockFacts } from '../lock-facts.js'
import { nodeOf } from '../pg-ast.js'
import { withEntry, type SchemaModel } from '../schema-model.js'
import {
  addColumn,
  alterColumnType,
  columnDefault,
  dropColumn,
  dropNotNull,
  setNotNull,
  type AlterState,
  type SubEffect,
} from './alter-column.js'
import { addConstraintCmd, dropConstraint, validateConstraint } from './alter-constraint.js'
import { onTable, relationKey, resolveKey, type Emitted, type ReplayScope, type StatementEffect } from './scope.js'

type SubHandler = (cmd: AlterTableCmd, state: AlterState) => SubEffect

const subHandlers: Readonly<Partial<Record<string, SubHandler>>> = {
  AT_AddColumn: addColumn,
  AT_DropColumn: dropColumn,
  AT_AlterColumnType: alterColumnType,
  AT_SetNotNull: setNotNull,
  AT_DropNotNull: dropNotNull,
  AT_ColumnDefault: columnDefault,
  AT_AddConstraint: addConstraintCmd,
  AT_ValidateConstraint: validateConstraint,
  AT_DropConstraint: dropConstraint,
  AT_AttachPartition: attachPartition,
  AT_DetachPartition: detachPartition,
}

/** Subcommands that rewrite the table: what the `table-rewritten` change says. */
const rewrites: Readonly<Partial<Record<string, string>>> = {
  AT_SetTableSpace: 'SET TABLESPACE',
  AT_SetLogged: 'SET LOGGED',
  AT_SetUnLogged: 'SET UNLOGGED',
  AT_SetAccessMethod: 'SET ACCESS METHOD',
  AT_SetExpression: 'SET EXPRESSION',
}

/** Subcommands with a lock weaker than ACCESS EXCLUSIVE (sql-altertable.html). */
const weakerLocks: Readonly<Partial<Record<string, LockAction>>> = {
  AT_SetStatistics: 'set-storage-options',
  AT_SetOptions: 'set-storage-options',
  AT_ResetOptions: 'set-storage-options',
  AT_SetRelOptions: 'set-storage-options',
  AT_ResetRelOptions: 'set-storage-options',
  AT_ClusterOn: 'set-storage-options',
  AT_DropCluster: 'set-storage-options',
  AT_EnableTrig: 'enable-disable-trigger',
  AT_EnableAlwaysTrig: 'enable-disable-trigger',
  AT_EnableReplicaTrig: 'enable-disable-trigger',
  AT_DisableTrig: 'enable-disable-trigger',
  AT_EnableTrigAll: 'enable-disable-trigger',
  AT_DisableTrigAll: 'enable-disable-trigger',
  AT_EnableTrigUser: 'enable-disable-trigger',
  AT_DisableTrigUser: 'enable-disable-trigger',
  AT_DetachPartitionFinalize: 'set-storage-options',
}

function attachPartition(cmd: AlterTableCmd, { schema, key, scope }: AlterState): SubEffect {
  const part = nodeOf<PartitionCmd>(cmd.def, 'PartitionCmd')
  const child = relationKey(schema, scope, part?.name)
  const table = schema.tables.get(key)
  const detail: DbChangeDetail = { kind: 'partition-attached', table, partition: child }
  const childTable = schema.tables.get(child)
  const next = childTable === undefined ? schema : { ...schema, tables: withEntry(schema.tables, child, { ...childTable, partitionOf: key }) }
  return { schema: next, emitted: [onTable(detail, table, key, 'attach-partition', scope, child)] }
}

function detachPartition(cmd: AlterTableCmd, { schema, key, scope }: AlterState): SubEffect {
  const part = nodeOf<PartitionCmd>(cmd.def, 'PartitionCmd')
  const child = relationKey(schema, scope, part?.name)
  const concurrently = Boolean(part?.concurrent)
  const table = schema.tables.get(key)
  const detail: DbChangeDetail = { kind: 'partition-detached', table, partition: child, concurrently }
  const childTable = schema.tables.get(child)
  const next =
    childTable === undefined
      ? schema
      : { ...schema, tables: withEntry(schema.tables, child, { ...childTable, partitionOf: undefined }) }
  const action = concurrently ? 'detach-partition-concurrently' : 'detach-partition'
  return { schema: next, emitted: [onTable(detail, table, key, action, scope, child)] }
}

function otherCommand(cmd: AlterTableCmd, { schema, key, scope }: AlterState): SubEffect & { lock?: LockFacts } {
  const table = schema.tables.get(key)
  const how = rewrites[cmd.subtype ?? '']
  if (how !== undefined) {
    const unlogged = cmd.subtype === 'AT_SetUnLogged' ? true : cmd.subtype === 'AT_SetLogged' ? false : table?.unlogged
    const next = table === undefined ? schema : { ...schema, tables: withEntry(schema.tables, key, { ...table, unlogged: unlogged ?? false }) }
    return { schema: next, emitted: [onTable({ kind: 'table-rewritten', table, how }, table, key, 'rewrite-table', scope)] }
  }
  return { schema, emitted: [], lock: lockFacts(weakerLocks[cmd.subtype ?? ''] ?? 'alter-table-other', scope.pgVersion, key) }
}

/** ALTER TABLE (and ALTER INDEX / VIEW / MATERIALIZED VIEW): each subcommand in order. */
export function alterTable(s: AlterTableStmt, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const objects = s.objtype === 'OBJECT_INDEX' ? schema.indexes : s.objtype === 'OBJECT_TABLE' ? schema.tables : schema.views
  const key = resolveKey(objects, scope, s.relation?.schemaname, s.relation?.relname ?? '')
  const target = s.objtype === 'OBJECT_INDEX' ? (schema.indexes.get(key)?.table ?? key) : key
  const emitted: Emitted[] = []
  const locks: LockFacts[] = []
  let state: AlterState = { schema, key: target, scope }
  for (const node of s.cmds ?? []) {
    const cmd = nodeOf<AlterTableCmd>(node, 'AlterTableCmd')
    if (cmd === undefined) continue
    const handler = s.objtype === 'OBJECT_INDEX' ? undefined : subHandlers[cmd.subtype ?? '']
    const effect: SubEffect & { lock?: LockFacts } = handler === undefined ? otherCommand(cmd, state) : handler(cmd, state)
    emitted.push(...effect.emitted)
    if (effect.lock !== undefined) locks.push(effect.lock)
    state = { ...state, schema: effect.schema }
  }
  return { schema: state.schema, emitted, locks }
}
