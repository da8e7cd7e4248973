import { spawn } from 'node:child_process'
import { InputError } from '../core/errors.js'

interface Waiting {
  resolve(content: Buffer | undefined): void
  reject(error: Error): void
}

/**
 * Reads files of any revision through one long-running `git cat-file --batch`: one process for
 * thousands of files (a split OpenAPI document, a migration folder), answers in request order.
 *
 * @example
 * const reader = new GitBlobReader('/repo')
 * const text = (await reader.read('origin/main:openapi.yaml'))?.toString('utf8')
 * reader.close()
 */
export class GitBlobReader {
  private readonly child
  private readonly waiting: Waiting[] = []
  private chunks: Buffer[] = []
  private buffered = 0
  /** Bytes the response at the head needs before it can be answered (known once its header is in). */
  private needed = 0
  private failure: Error | undefined

  constructor(root: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] })
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.chunks.push(chunk)
      this.buffered += chunk.length
      this.drain()
    })
    this.child.on('error', (error: NodeJS.ErrnoException) => {
      this.fail(error.code === 'ENOENT' ? new InputError('git is not installed (or not on PATH)') : error)
    })
    this.child.on('close', () => this.fail(new Error('git cat-file ended early')))
    this.child.stdin.on('error', () => {}) // reported through 'error'/'close' above
  }

  /** The content of `<revision>:<path>`, or undefined when there is no such file (a folder counts as none). */
  read(object: string): Promise<Buffer | undefined> {
    if (/[\n\r]/.test(object)) return Promise.resolve(undefined) // the protocol is line-based
    if (this.failure !== undefined) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject })
      this.child.stdin.write(`${object}\n`)
    })
  }

  /** Ends the git process; reads still waiting fail. */
  close(): void {
    this.child.stdin.end()
  }

  private fail(error: Error): void {
    this.failure ??= error
    for (const waiting of this.waiting.splice(0)) waiting.reject(this.failure)
  }

  /** Answers the waiting reads whose response is complete: `<oid> <type> <size>\n<content>\n` or `<object> missing\n`. */
  private drain(): void {
    // A large file arrives in many chunks: join them once it is all there, not at every chunk.
    if (this.buffered < this.needed) return
    let data = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks)
    this.needed = 0
    while (this.waiting.length > 0) {
      const end = data.indexOf(10)
      if (end === -1) break
      const header = data.subarray(0, end).toString('utf8')
      const match = / (blob|tree|commit|tag) (\d+)$/.exec(header)
      if (match === null) {
        // `<object> missing` or `<object> ambiguous`
        data = data.subarray(end + 1)
        this.waiting.shift()!.resolve(undefined)
        continue
      }
      const size = Number(match[2])
      if (data.length < end + 1 + size + 1) {
        this.needed = end + 1 + size + 1
        break
      }
      const content = Buffer.from(data.subarray(end + 1, end + 1 + size))
      data = data.subarray(end + 1 + size + 1)
      this.waiting.shift()!.resolve(match[1] === 'blob' ? content : undefined)
    }
    this.chunks = data.length === 0 ? [] : [data]
    this.buffered = data.length
  }
}
