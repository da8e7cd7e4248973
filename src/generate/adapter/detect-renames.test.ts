import { describe, expect, it } from 'vitest'
import type { Schema } from '../../api/model.js'
import type { RelativeChange } from '../../api/relative-change.js'
import { schema } from '../../api/test-support/make-schema.js'
import { detectRenames } from './detect-renames.js'
import type { Hints } from './extensions.js'

function hints(renamedFrom: Record<string, string> = {}): Hints {
  return {
    propertyRenamedFrom: (_parent, name) => renamedFrom[name],
    parameterRenamedFrom: () => undefined,
    movedFrom: () => undefined,
    enumMap: () => new Map(),
    restore: () => undefined,
  }
}

function changes(before: Schema, after: Schema, removed: string[], added: string[]): RelativeChange[] {
  const base = { path: [], before, after, at: after.ref } as const
  return [
    ...removed.map((name) => ({ ...base, kind: 'property-removed' as const, name, required: false, property: before.properties.get(name) as Schema })),
    ...added.map((name) => ({ ...base, kind: 'property-added' as const, name, required: false, property: after.properties.get(name) as Schema, closedBefore: false })),
  ]
}

const text = (maxLength?: number): Schema => schema({ type: 'string', ...(maxLength === undefined ? {} : { bounds: { maxLength } }) })

describe('detectRenames', () => {
  it('pairs a lost and a gained property of the same type at the same position', () => {
    const before = schema({ type: 'object', properties: { id: schema({ type: 'integer' }), name: text() } })
    const after = schema({ type: 'object', properties: { id: schema({ type: 'integer' }), title: text() } })
    expect(detectRenames(before, after, changes(before, after, ['name'], ['title']), hints())).toEqual([
      { before: 'name', after: 'title', how: 'detected' },
    ])
  })

  it('does not guess across a reordering or a changed constraint; a declaration decides', () => {
    // Adyen's ShopperTaxInfo: sorted and renamed at once, so position pairs the wrong fields.
    const before = schema({ type: 'object', properties: { taxId: text(10), taxIdCountryCode: text(2) } })
    const after = schema({ type: 'object', properties: { taxCountryCode: text(2), taxIdentificationNumber: text(20) } })
    const found = changes(before, after, ['taxId', 'taxIdCountryCode'], ['taxCountryCode', 'taxIdentificationNumber'])
    expect(detectRenames(before, after, found, hints())).toEqual([])
    const declared = hints({ taxIdentificationNumber: 'taxId', taxCountryCode: 'taxIdCountryCode' })
    expect(detectRenames(before, after, found, declared)).toEqual([
      { before: 'taxId', after: 'taxIdentificationNumber', how: 'declared' },
      { before: 'taxIdCountryCode', after: 'taxCountryCode', how: 'declared' },
    ])
  })

  it('does not pair properties of different types', () => {
    const before = schema({ type: 'object', properties: { count: schema({ type: 'integer' }) } })
    const after = schema({ type: 'object', properties: { label: text() } })
    expect(detectRenames(before, after, changes(before, after, ['count'], ['label']), hints())).toEqual([])
  })
})
