import type { AlterTableCmd, Constraint } from 'libpg-query'
import { nodeOf } from '../pg-ast.js'
import { findConstraint, withEntry } from '../schema-model.js'
import type { AlterState, SubEffect } from './alter-column.js'
import { addConstraint, constraintEmitted } from './create-table.js'
import { buildConstraint } from './definitions.js'
import { onTable, originOf } from './scope.js'

export function addConstraintCmd(cmd: AlterTableCmd, state: AlterState): SubEffect {
  const table = state.schema.tables.get(state.key)
  const c = nodeOf<Constraint>(cmd.def, 'Constraint')
  const [schemaName = 'public', ...rest] = state.key.split('.')
  const name = table?.name ?? { schema: schemaName, name: rest.join('.') }
  const spec = c === undefined ? undefined : buildConstraint(c, name, state.schema, state.scope)
  if (spec === undefined) return { schema: state.schema, emitted: [] }
  const schema = table === undefined ? state.schema : addConstraint(state.schema, table, spec)
  return { schema, emitted: [constraintEmitted(spec, table, state.key, state.scope, false)] }
}

export function validateConstraint(cmd: AlterTableCmd, state: AlterState): SubEffect {
  const table = state.schema.tables.get(state.key)
  const name = cmd.name ?? ''
  const constraint = findConstraint(table, name)
  const detail = { kind: 'constraint-validated' as const, table, name, ...(constraint ? { constraint } : {}) }
  const schema =
    table === undefined || constraint === undefined
      ? state.schema
      : {
          ...state.schema,
          tables: withEntry(state.schema.tables, state.key, {
            ...table,
            constraints: table.constraints.map((c) => (c.name === name ? { ...c, valid: true } : c)),
          }),
        }
  const object = `${state.key}.${name}`
  return { schema, emitted: [onTable(detail, table, state.key, 'validate-constraint', state.scope, object, originOf(constraint ?? table))] }
}

export function dropConstraint(cmd: AlterTableCmd, state: AlterState): SubEffect {
  const table = state.schema.tables.get(state.key)
  const name = cmd.name ?? ''
  const constraint = findConstraint(table, name)
  if (cmd.missing_ok && table !== undefined && constraint === undefined) return { schema: state.schema, emitted: [] }
  const detail = { kind: 'constraint-dropped' as const, table, name, ...(constraint ? { constraint } : {}) }
  let schema = state.schema
  if (table !== undefined) {
    // Columns stay NOT NULL after their primary key goes: PostgreSQL keeps attnotnull.
    const constraints = table.constraints.filter((c) => c.name !== name)
    schema = { ...schema, tables: withEntry(schema.tables, state.key, { ...table, constraints }) }
    if (constraint?.index !== undefined) {
      schema = { ...schema, indexes: withEntry(schema.indexes, `${table.name.schema}.${constraint.index}`, undefined) }
    }
  }
  const object = `${state.key}.${name}`
  return { schema, emitted: [onTable(detail, table, state.key, 'drop-constraint', state.scope, object, originOf(constraint ?? table))] }
}
