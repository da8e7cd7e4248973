import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { Project, ts } from 'ts-morph'
import { generateAdapter, type Adapter, type AdapterOptions } from '../src/generate/adapter/generate-adapter.js'
import { writeAdapter } from '../src/generate/adapter/write-output.js'

/** The adapter fixture pairs: `fixtures/adapter/<case>/{old,new}.yaml`. */
export const adapterCases = ['rename', 'type-widening', 'removed-response-field', 'moved-endpoint', 'changed-status', 'required-field-default'] as const

export type AdapterCase = (typeof adapterCases)[number]

export function caseFiles(name: string): { readonly old: string; readonly new: string } {
  return { old: `fixtures/adapter/${name}/old.yaml`, new: `fixtures/adapter/${name}/new.yaml` }
}

/**
 * A scratch folder inside the project (under the ignored `tmp/`), so generated code resolves
 * `ajv` and `vitest` from the project's node_modules.
 */
export function scratchDir(prefix: string): string {
  mkdirSync('tmp', { recursive: true })
  return resolve(mkdtempSync(join('tmp', `${prefix}-`)))
}

export async function generateCase(name: string, out: string, options: AdapterOptions = {}): Promise<Adapter> {
  const files = caseFiles(name)
  const adapter = await generateAdapter(files.old, files.new, options)
  writeAdapter(join(out, name), adapter.files, { check: false })
  return adapter
}

/**
 * Type-checks every `.ts` file under `dir` the strict way the generated code promises to pass:
 * strict, noUnusedLocals, noUnusedParameters, exactOptionalPropertyTypes, noUncheckedIndexedAccess,
 * isolatedModules. Returns the diagnostics as text, one per line (empty when clean).
 */
export function strictDiagnostics(dir: string): string[] {
  const project = new Project({
    compilerOptions: {
      strict: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noImplicitReturns: true,
      noImplicitOverride: true,
      noFallthroughCasesInSwitch: true,
      isolatedModules: true,
      verbatimModuleSyntax: true,
      // ts-morph's host does not read package.json "type", so NodeNext would treat the files as
      // CommonJS; ES2022 + Bundler checks the same `.js`-suffixed ESM imports.
      module: ts.ModuleKind.ES2022,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      types: ['node'],
      skipLibCheck: true,
      noEmit: true,
    },
  })
  project.addSourceFilesAtPaths(`${dir}/**/*.ts`)
  return project.getPreEmitDiagnostics().map((diagnostic) => {
    const file = diagnostic.getSourceFile()
    const where = file === undefined ? '' : `${relative(dir, file.getFilePath())}:${diagnostic.getLineNumber() ?? 0}: `
    const message = diagnostic.getMessageText()
    return where + (typeof message === 'string' ? message : ts.flattenDiagnosticMessageText(message.compilerObject, '\n'))
  })
}

/** vitest's JSON report: per test file, its assertions with their status. */
export interface VitestReport {
  readonly success: boolean
  readonly numPassedTests: number
  readonly numFailedTests: number
  readonly testResults: ReadonlyArray<{
    readonly name: string
    readonly assertionResults: ReadonlyArray<{ readonly title: string; readonly status: string; readonly failureMessages: ReadonlyArray<string> }>
  }>
}

/** Runs the generated `adapter.test.ts` files under `root` in a separate vitest process. */
export async function runGeneratedTests(root: string): Promise<VitestReport> {
  writeFileSync(join(root, 'vitest.config.mjs'), "export default { test: { include: ['**/adapter.test.ts'] } }\n")
  const report = join(root, 'report.json')
  const vitest = resolve('node_modules/vitest/vitest.mjs')
  try {
    await promisify(execFile)(process.execPath, [vitest, 'run', '--root', root, '--reporter=json', `--outputFile=${report}`], { cwd: root })
  } catch {
    // A failing test run exits 1; the report says what failed.
  }
  return JSON.parse(readFileSync(report, 'utf8')) as VitestReport
}
