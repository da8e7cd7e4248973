import type { Node } from 'libpg-query'
import { nodeBody, nodeType } from '../pg-ast.js'
import type { SchemaModel } from '../schema-model.js'
import { alterTable } from './alter-table.js'
import { createTable, createTableAs } from './create-table.js'
import { drop, truncate } from './drop.js'
import { createIndex, reindex } from './indexes.js'
import {
  cluster,
  createExtension,
  createFunction,
  createSchema,
  createSequence,
  createTrigger,
  createView,
  dropDatabase,
  lockTable,
  modifyData,
  refreshMaterializedView,
  vacuum,
} from './misc.js'
import { rename, setSchema } from './rename.js'
import { unchanged, type ReplayScope, type StatementEffect } from './scope.js'
import { alterDomain, alterEnum, createComposite, createDomain, createEnum, createRange } from './types.js'

// Each handler reads its own node type; `never` keeps the table simple while the handlers stay typed.
type Handler = (body: never, schema: SchemaModel, scope: ReplayScope) => StatementEffect

type Body = { relation?: never; dbname?: string }

/** Statement types the static model understands; every other statement is tolerated unchanged. */
const handlers: Readonly<Record<string, Handler>> = {
  CreateStmt: createTable,
  CreateTableAsStmt: createTableAs,
  AlterTableStmt: alterTable,
  DropStmt: drop,
  TruncateStmt: truncate,
  RenameStmt: rename,
  AlterObjectSchemaStmt: setSchema,
  IndexStmt: createIndex,
  ReindexStmt: reindex,
  CreateEnumStmt: createEnum,
  AlterEnumStmt: alterEnum,
  CompositeTypeStmt: createComposite,
  CreateDomainStmt: createDomain,
  CreateRangeStmt: createRange,
  AlterDomainStmt: alterDomain,
  ViewStmt: createView,
  CreateSeqStmt: createSequence,
  CreateSchemaStmt: createSchema,
  CreateExtensionStmt: createExtension,
  CreateFunctionStmt: createFunction,
  VacuumStmt: vacuum,
  ClusterStmt: cluster,
  CreateTrigStmt: createTrigger,
  RefreshMatViewStmt: refreshMaterializedView,
  LockStmt: lockTable,
  DropdbStmt: (body: Body, schema, scope) => dropDatabase(schema, scope, body.dbname ?? ''),
  InsertStmt: (body: Body, schema, scope) => modifyData('insert', body.relation, schema, scope),
  UpdateStmt: (body: Body, schema, scope) => modifyData('update', body.relation, schema, scope),
  DeleteStmt: (body: Body, schema, scope) => modifyData('delete', body.relation, schema, scope),
  MergeStmt: (body: Body, schema, scope) => modifyData('merge', body.relation, schema, scope),
}

/**
 * Replays one statement on the schema: the schema after it and the actions found in it.
 * Statements rollsafe does not model (GRANT, COMMENT, DO, …) leave the schema as it is.
 *
 * @example
 * applyStatement(parsed.node, emptySchema, { searchPath: ['public'], pgVersion: 15 }).emitted[0]?.detail.kind
 */
export function applyStatement(node: Node, schema: SchemaModel, scope: ReplayScope): StatementEffect {
  const handler = handlers[nodeType(node)]
  if (handler === undefined) return unchanged(schema)
  return handler(nodeBody(node) as never, schema, scope)
}
