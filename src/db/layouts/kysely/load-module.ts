import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { inputError } from '../../../core/errors.js'

/** Where a bare import (`kysely`) resolves: next to the migration first, else rollsafe's own copy. */
function resolveBare(specifier: string, from: string): string {
  for (const base of [from, fileURLToPath(import.meta.url)]) {
    try {
      return pathToFileURL(createRequire(base).resolve(specifier)).href
    } catch {
      // not installed there; try the next place
    }
  }
  return specifier
}

function rewriteImports(code: string, file: string): string {
  return code.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\2/g, (whole, lead: string, quote: string, spec: string) => {
    if (spec.startsWith('node:') || spec.startsWith('file:')) return whole
    const target = spec.startsWith('.') ? pathToFileURL(resolve(dirname(file), spec)).href : resolveBare(spec, file)
    return `${lead}${quote}${target}${quote}`
  })
}

/**
 * Imports a TypeScript or JavaScript migration module. Node 20 cannot import `.ts`, so the source is
 * transpiled with the TypeScript compiler bundled in ts-morph (loaded only here) to a temporary
 * `.mjs` whose imports point at absolute URLs, imported, and the file removed.
 */
export async function importMigrationModule(file: string): Promise<Record<string, unknown>> {
  const source = await readFile(file, 'utf8')
  const { ts } = await import('ts-morph')
  const { outputText, diagnostics } = ts.transpileModule(source, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  })
  const problem = diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error)
  if (problem !== undefined) {
    const at = problem.file && problem.start !== undefined ? problem.file.getLineAndCharacterOfPosition(problem.start) : undefined
    throw inputError(file, ts.flattenDiagnosticMessageText(problem.messageText, ' '), at && at.line + 1, at && at.character + 1)
  }
  const dir = await mkdtemp(join(tmpdir(), 'rollsafe-kysely-'))
  const target = join(dir, 'migration.mjs')
  try {
    await writeFile(target, rewriteImports(outputText, file))
    // In the CLI bundle (CommonJS) the bundler makes this import() a require(), which loads an ES
    // module by its path (Node >= 20.19); the ESM build (dist/src, tests) imports it by URL.
    const specifier = typeof __filename === 'string' ? target : pathToFileURL(target).href
    return (await import(specifier)) as Record<string, unknown>
  } catch (error) {
    throw inputError(file, `cannot load the migration module: ${(error as Error).message.split('\n')[0]}`)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
