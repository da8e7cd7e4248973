import { describe, expect, it } from 'vitest'
import { placeholderVariable, substituteTemplates } from './templates.js'

describe('templates', () => {
  it('names the variable a placeholder reads', () => {
    expect(placeholderVariable('index .Options "Namespace"')).toBe('Namespace')
    expect(placeholderVariable('.Name')).toBe('Name')
    expect(placeholderVariable('.Options.Schema')).toBe('Schema')
    expect(placeholderVariable('if .X')).toBeUndefined()
  })

  it('substitutes placeholders with --var values', () => {
    const text = 'create table {{ index .Options "Namespace" }}.users ();\ngrant all on {{.Namespace}}.users to x;'
    expect(substituteTemplates('a.sql', text, { Namespace: 'auth' })).toBe(
      'create table auth.users ();\ngrant all on auth.users to x;',
    )
  })

  it('reports a placeholder without a value at its place, suggesting --var', () => {
    const run = () => substituteTemplates('a.sql', 'select 1;\nalter table {{ index .Options "Namespace" }}.users', {})
    expect(run).toThrow('a.sql:2:13: template placeholder `{{ index .Options "Namespace" }}`: pass --var Namespace=VALUE')
  })
})
