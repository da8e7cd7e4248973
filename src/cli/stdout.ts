import { fstatSync, writeSync } from 'node:fs'
import { createRequire } from 'node:module'

let direct = false

/**
 * From now on standard output is written with write(2) on file descriptor 1 rather than through
 * `process.stdout`: creating that stream loads about twenty of Node's stream modules (3 ms of a
 * short run), and a report of megabytes then goes out in one call. Only the CLI's own process turns
 * this on (bin/rollsafe.cjs through `main`); in-process callers, tests among them, keep `process.stdout`.
 */
export function useDirectStdout(): void {
  // The Windows console wants its own encoding handling, which the stream does.
  direct = process.platform !== 'win32'
}

/**
 * Whether standard output is a terminal (for colors), without creating `process.stdout` when
 * writing directly. Node's tty module loads its net and stream modules, so it is asked only about a
 * character device: a pipe or a file (CI, a redirect) is no terminal.
 */
export function stdoutIsTerminal(): boolean {
  if (!direct) return Boolean(process.stdout.isTTY)
  try {
    if (!fstatSync(1).isCharacterDevice()) return false
  } catch {
    return false
  }
  const tty = createRequire(import.meta.url)('node:tty') as typeof import('node:tty')
  return tty.isatty(1)
}

/**
 * Writes `text` to standard output. A reader that went away (`rollsafe rules | head`) ends the
 * output quietly; a non-blocking descriptor that is full hands the rest to `process.stdout`, which waits.
 */
export function writeStdout(text: string): void {
  if (!direct) {
    process.stdout.write(text)
    return
  }
  const bytes = Buffer.from(text, 'utf8')
  let offset = 0
  try {
    while (offset < bytes.length) offset += writeSync(1, bytes, offset)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EPIPE') return
    if (code !== 'EAGAIN') throw error
    process.stdout.on('error', (streamError: NodeJS.ErrnoException) => {
      if (streamError.code !== 'EPIPE') throw streamError
    })
    process.stdout.write(bytes.subarray(offset))
  }
}
