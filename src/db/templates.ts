import { inputError } from '../core/errors.js'

/** Values for template placeholders, from `--var name=value`. */
export type TemplateVars = Readonly<Record<string, string>>

const placeholder = /\{\{-?\s*(.*?)\s*-?\}\}/g

/**
 * The variable a Go-template placeholder reads: `index .Options "Namespace"` → `Namespace`,
 * `.Name` → `Name`, `.Options.Schema` → `Schema`; undefined for anything else.
 */
export function placeholderVariable(expression: string): string | undefined {
  const indexed = /^index\s+\.[\w.]+\s+"([^"]+)"$/.exec(expression)
  if (indexed) return indexed[1]
  const field = /^\.(?:[\w]+\.)*([\w]+)$/.exec(expression)
  return field?.[1]
}

function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

/**
 * Replaces `{{ … }}` placeholders (supabase-auth's `{{ index .Options "Namespace" }}`) with the
 * values of `vars`. A placeholder without a value is an input error naming its place.
 *
 * @example
 * substituteTemplates('a.sql', 'create schema {{ index .Options "Namespace" }};', { Namespace: 'auth' })
 * // 'create schema auth;'
 */
export function substituteTemplates(file: string, text: string, vars: TemplateVars): string {
  if (!text.includes('{{')) return text
  return text.replace(placeholder, (whole: string, expression: string, offset: number) => {
    const name = placeholderVariable(expression)
    const value = name === undefined ? undefined : vars[name]
    if (value !== undefined) return value
    const { line, column } = placeOf(text, offset)
    const hint = name === undefined ? 'it is not a variable rollsafe can fill' : `pass --var ${name}=VALUE`
    throw inputError(file, `template placeholder \`${whole}\`: ${hint}`, line, column)
  })
}
