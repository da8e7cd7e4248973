import { compareApis } from '../api/check-api.js'
import { loadApi } from '../api/load-api.js'
import type { ApiDocument } from '../config/config.js'
import { InputError } from '../core/errors.js'
import type { Finding } from '../core/finding.js'
import type { BaseRevision } from './base-revision.js'
import type { CheckContext } from './check-context.js'

/**
 * Version A's files are loaded under this folder name, so that their places never mix with version
 * B's (the same path in both); findings and errors name them by their own path again after.
 */
const baseFolder = '(base)'

function fromBaseName(finding: Finding, revision: string): Finding {
  const { file } = finding.location
  if (!file.startsWith(`${baseFolder}/`)) return finding
  return { ...finding, location: { ...finding.location, file: file.slice(baseFolder.length + 1), revision } }
}

/** `(base)/openapi.yaml:3:1: …` → `origin/main:openapi.yaml:3:1: …`, git's own way to name a file in a revision. */
function fromBaseError(error: unknown, revision: string): unknown {
  if (!(error instanceof InputError)) return error
  return new InputError(error.message.split(`${baseFolder}/`).join(`${revision}:`))
}

async function loadAtBase(document: ApiDocument, context: CheckContext, base: BaseRevision) {
  const { paths } = context
  const shown = paths.shown(document.new)
  try {
    return await loadApi(paths.absolute(document.new), {
      name: `${baseFolder}/${shown}`,
      readText: (path) => base.readText(paths.fromAbsolute(path)),
    })
  } catch (error) {
    throw fromBaseError(error, base.name)
  }
}

/** One document against its version A: the config's `old`, or the same path at `--base`. */
async function checkDocument(document: ApiDocument, context: CheckContext): Promise<ReadonlyArray<Finding>> {
  const { paths, base, today } = context
  const shown = paths.shown(document.new)
  const after = () => loadApi(paths.absolute(document.new), { name: shown })
  if (document.old !== undefined) {
    const [before, now] = await Promise.all([loadApi(paths.absolute(document.old), { name: paths.shown(document.old) }), after()])
    return compareApis(before, now, { today })
  }
  if (base === undefined) {
    context.note(`${shown}: skipped, no version A to compare with (give --base REF, or write { old, new } in ${context.config.file})`)
    return []
  }
  if (!(await base.has(shown))) {
    context.note(`${shown}: new since ${base.name}, nothing to compare`)
    return []
  }
  const [before, now] = await Promise.all([loadAtBase(document, context, base), after()])
  return compareApis(before, now, { today }).map((finding) => fromBaseName(finding, base.name))
}

/**
 * The API part of `rollsafe check`: every document the config names, against version A. Returns
 * every finding, before policy.
 *
 * @example const findings = await checkApiDocuments(context)
 */
export async function checkApiDocuments(context: CheckContext): Promise<ReadonlyArray<Finding>> {
  const findings: Finding[] = []
  for (const document of context.config.api) findings.push(...(await checkDocument(document, context)))
  return findings
}
