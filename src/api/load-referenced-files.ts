import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, posix, relative, sep } from 'node:path'
import { DocumentSet } from './document-set.js'
import { parseSource, type SourceDocument } from './read-document.js'

export interface ReferencedFilesOptions {
  readonly allowRemoteRefs?: boolean
}

/** What json-schema-ref-parser hands its resolver and parser plugins. */
interface PluginFile {
  readonly url: string
  readonly reference?: string
  /** The referring place: `<url of the file>#<pointer of the $ref object>`. */
  readonly baseUrl?: string
  readonly data?: unknown
}

/**
 * Reads every file the root document reaches through `$ref`s, with swagger-parser's resolver (it
 * crawls the documents and follows references file by file). The root is handed over already
 * parsed; other files are read and parsed here, so each is read once and its text kept for
 * locating findings. Refused: references to http(s) URLs unless `allowRemoteRefs`, and to files
 * outside the root's folder tree; a missing file is an error at the `$ref` that names it.
 *
 * @example
 * const files = await loadReferencedFiles(root, { allowRemoteRefs: false })
 */
export async function loadReferencedFiles(
  root: SourceDocument,
  options: ReferencedFilesOptions,
): Promise<ReadonlyArray<SourceDocument>> {
  const { default: SwaggerParser } = await import('@apidevtools/swagger-parser')
  const folder = dirname(root.path)
  const files = new Map<string, SourceDocument>()
  let failure: Error | undefined
  const refuse = (file: PluginFile, what: string): never => {
    const ref = file.reference ?? file.url
    const from = referrer(root, file)
    failure ??= new DocumentSet(root, [...files.values()]).errorAtPath(from.path, from.pointer, `$ref '${ref}' ${what}`)
    throw failure
  }
  // Synchronous reads: thousands of small files (DigitalOcean has 2,850) read faster without a
  // round trip through the thread pool for each.
  const readLocal = (file: PluginFile): string => {
    const path = fileSystemPath(file.url)
    const inside = relative(folder, path)
    if (inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
      refuse(file, `points outside the folder of ${root.file} (to ${path})`)
    }
    try {
      return readFileSync(path, 'utf8')
    } catch {
      return refuse(file, 'not found')
    }
  }
  const pluginOptions = {
    parse: {
      json: false,
      yaml: false,
      text: false,
      binary: false,
      rollsafe: {
        order: 1,
        allowEmpty: true,
        canParse: true,
        parse(file: PluginFile): unknown {
          const path = isRemote(file.url) ? file.url : fileSystemPath(file.url)
          const text = typeof file.data === 'string' ? file.data : String(file.data)
          const shown = isRemote(path) ? path : posix.join(posix.dirname(root.file), toPosix(relative(folder, path)))
          try {
            const document = parseSource(shown, path, text)
            files.set(path, document)
            return document.value
          } catch (error) {
            failure ??= error as Error
            throw error
          }
        },
      },
    },
    resolve: {
      file: false,
      http: false,
      external: true,
      rollsafeFile: { order: 1, canRead: (file: PluginFile) => !isRemote(file.url) && !hasScheme(file.url), read: readLocal },
      rollsafeHttp: {
        order: 2,
        canRead: (file: PluginFile) => isRemote(file.url),
        read: async (file: PluginFile): Promise<string> => {
          if (!options.allowRemoteRefs) refuse(file, 'is remote; remote references are off (--allow-remote-refs)')
          const response = await fetch(file.url).catch((error: unknown) => refuse(file, `cannot be fetched (${String(error)})`))
          if (!response.ok) refuse(file, `cannot be fetched (HTTP ${response.status})`)
          return response.text()
        },
      },
      rollsafeOther: { order: 3, canRead: true, read: (file: PluginFile) => refuse(file, 'has an unsupported scheme') },
    },
  }
  try {
    await SwaggerParser.resolve(root.path, root.value as never, pluginOptions as never)
  } catch (error) {
    throw failure ?? error
  }
  return [...files.values()]
}

/** The referring file and the pointer of its `$ref` object, from a plugin's `baseUrl`. */
function referrer(root: SourceDocument, file: PluginFile): { readonly path: string; readonly pointer: string } {
  const base = file.baseUrl ?? ''
  const hash = base.indexOf('#')
  if (hash === -1) return { path: root.path, pointer: '' }
  const url = base.slice(0, hash)
  return { path: isRemote(url) ? url : fileSystemPath(url), pointer: base.slice(hash + 1) }
}

function isRemote(url: string): boolean {
  return /^https?:\/\//i.test(url)
}

function hasScheme(url: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(url) && !/^file:/i.test(url)
}

function fileSystemPath(url: string): string {
  const path = url.replace(/^file:\/\//i, '')
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}
