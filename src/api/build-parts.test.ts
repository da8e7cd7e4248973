import { describe, expect, it } from 'vitest'
import { parameterKey } from './build-parts.js'

describe('parameterKey', () => {
  it('keys path parameters by their position in the template', () => {
    expect(parameterKey('path', 'owner', '/repos/{owner}/{repo}/issues')).toBe('path:0')
    expect(parameterKey('path', 'repo', '/repos/{owner}/{repo}/issues')).toBe('path:1')
    expect(parameterKey('path', 'id', '/pets/{petId}')).toBe('path:id') // not in the template
    expect(parameterKey('path', 'a{b', '/x/{a{b}/{c}')).toBe('path:0') // a name ends at the first }
    expect(parameterKey('path', 'c', '/x/{a{b}/{c}')).toBe('path:1')
    expect(parameterKey('path', 'c', '/x/{c')).toBe('path:c')
  })

  it('lower-cases header names only', () => {
    expect(parameterKey('header', 'X-Request-Id', '/')).toBe('header:x-request-id')
    expect(parameterKey('query', 'pageSize', '/')).toBe('query:pageSize')
    expect(parameterKey('cookie', 'Session', '/')).toBe('cookie:Session')
  })
})
