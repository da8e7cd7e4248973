import { describe, expect, it } from 'vitest'
import { camelCase, createNameAllocator, literal, pascalCase, propertyKey, statusName, typeNameFor } from './names.js'

describe('names', () => {
  it('spells identifiers from any text', () => {
    expect(pascalCase('pet_owner-info')).toBe('PetOwnerInfo')
    expect(pascalCase('getPetById')).toBe('GetPetById')
    expect(pascalCase('2XX')).toBe('N2XX')
    expect(pascalCase('--')).toBe('Unnamed')
    expect(camelCase('upgrade Pet')).toBe('upgradePet')
    expect(statusName('201')).toBe('201')
    expect(statusName('2xx')).toBe('2XX')
    expect(statusName('default')).toBe('Default')
  })

  it('keeps component names that are identifiers, and quotes keys that are not', () => {
    expect(typeNameFor('pet_info')).toBe('pet_info')
    expect(typeNameFor('checkout.session')).toBe('CheckoutSession')
    expect(typeNameFor('object')).toBe('Object')
    expect(propertyKey('name')).toBe('name')
    expect(propertyKey('pet-id')).toBe("'pet-id'")
  })

  it('hands out each name once, in the order asked', () => {
    const names = createNameAllocator(['Pet'])
    expect([names.take('Pet'), names.take('Pet'), names.take('Tag'), names.take('string')]).toEqual(['Pet2', 'Pet3', 'Tag', 'string2'])
  })

  it('writes JSON values as TypeScript literals', () => {
    expect(literal({ a: ["it's", 1, null], 'b-c': true })).toBe("{ a: ['it\\'s', 1, null], 'b-c': true }")
    expect(literal([['on-hold', 'pending']])).toBe("[['on-hold', 'pending']]")
  })
})
