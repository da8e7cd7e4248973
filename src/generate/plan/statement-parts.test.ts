import { beforeAll, describe, expect, it } from 'vitest'
import { initParser } from '../../db/parse-sql.js'
import { alterTableParts, clauseAfter, constraintDefinition, parenthesizedAfter, updateParts } from './statement-parts.js'

beforeAll(async () => {
  await initParser()
})

describe('alterTableParts', () => {
  it('splits subcommands at top-level commas only', () => {
    const parts = alterTableParts(
      "ALTER TABLE IF EXISTS ONLY public.\"Orders\" ALTER COLUMN status TYPE order_status USING (CASE WHEN status IN ('a', 'b') THEN 'paid' ELSE status END)::order_status, ADD CONSTRAINT c CHECK (f(a, b) > 0) NOT VALID",
    )
    expect(parts.commands).toEqual([
      "ALTER COLUMN status TYPE order_status USING (CASE WHEN status IN ('a', 'b') THEN 'paid' ELSE status END)::order_status",
      'ADD CONSTRAINT c CHECK (f(a, b) > 0) NOT VALID',
    ])
  })

  it('keeps non-ASCII text and drops comments between subcommands', () => {
    expect(alterTableParts("alter table t alter c set default 'é,ü', -- why\n drop column d").commands).toEqual(["alter c set default 'é,ü'", 'drop column d'])
  })
})

describe('clauses', () => {
  it('reads the expression after USING and DEFAULT', () => {
    expect(clauseAfter('alter column q type bigint using q::bigint * 2', 'using')).toBe('q::bigint * 2')
    expect(clauseAfter("alter c set default 'pending'", 'default')).toBe("'pending'")
    expect(clauseAfter('alter c type bigint', 'using')).toBeUndefined()
  })

  it('reads a CHECK condition inside its parentheses', () => {
    expect(parenthesizedAfter('add constraint c check ((a > 0) and b is not null) not valid', 'check')).toBe('(a > 0) and b is not null')
  })

  it('strips ADD [CONSTRAINT name] from a constraint definition', () => {
    expect(constraintDefinition('add constraint orders_user_fk foreign key (user_id) references users (id) on delete cascade')).toBe(
      'foreign key (user_id) references users (id) on delete cascade',
    )
    expect(constraintDefinition('ADD UNIQUE (email)')).toBe('UNIQUE (email)')
  })
})

describe('updateParts', () => {
  it('reads single-column assignments and the condition', () => {
    const parts = updateParts("update users set name = coalesce(nickname, 'unknown'), \"Flag\" = true where name is null and id > 0")
    expect([...parts.assignments]).toEqual([
      ['name', "coalesce(nickname, 'unknown')"],
      ['Flag', 'true'],
    ])
    expect(parts.where).toBe('name is null and id > 0')
    expect(parts.complex).toBe(false)
  })

  it('marks updates that cannot be batched by key as complex', () => {
    expect(updateParts('update t set a = o.a from other o where o.id = t.id').complex).toBe(true)
    expect(updateParts('update t set (a, b) = (1, 2)').complex).toBe(true)
    expect(updateParts('update t set a = 1 returning id').complex).toBe(true)
    expect(updateParts("update t set a = substring(b from 2) where c = 'x'").complex).toBe(false)
  })
})
