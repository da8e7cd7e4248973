import { describe, expect, it } from 'vitest'
import { InputError } from '../../core/errors.js'
import { namespaceFor, resolveVersionLabels } from './version-labels.js'

describe('version labels', () => {
  it('names a namespace after each version', () => {
    expect(['1', 'v2', '2024-06-01', '1.0.0', 'beta'].map(namespaceFor)).toEqual(['V1', 'V2', 'V2024_06_01', 'V1_0_0', 'Vbeta'])
  })

  it('takes the given names, else info.version, else 1 and 2 with a note', () => {
    expect(resolveVersionLabels({ old: '1.0', new: '2.0' }, {}).labels).toMatchObject({ old: '1.0', new: '2.0' })
    expect(resolveVersionLabels({ old: '1.0', new: '2.0' }, { old: 'a', new: 'b' }).labels).toMatchObject({ old: 'a', new: 'b' })
    const same = resolveVersionLabels({ old: 'latest', new: 'latest' }, {})
    expect(same.labels).toMatchObject({ old: '1', new: '2', namespaces: { old: 'V1', new: 'V2' } })
    expect(same.note).toMatch(/calling them 1 and 2/)
  })

  it('refuses names that would not tell the versions or their namespaces apart', () => {
    expect(() => resolveVersionLabels({}, { old: 'x', new: 'x' })).toThrow(InputError)
    expect(() => resolveVersionLabels({ old: '1.0', new: '1_0' }, {})).toThrow(/share the type namespace V1_0/)
  })
})
