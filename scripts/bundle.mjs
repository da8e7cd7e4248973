#!/usr/bin/env node
// Bundles the built CLI (dist/src, dist/rules) into dist/bundle/: one module for the CLI core and one
// chunk per lazily loaded command, instead of ~150 small modules that Node resolves and reads one by
// one at every start. bin/rollsafe.cjs uses it when it is at least as new as dist/src/cli/main.js.
// Dependencies (libpg-query, PGlite, …) stay external: they load their own assets. kysely is bundled:
// pure JavaScript, and its CommonJS build is some three hundred files, 60 ms to load on every
// --trace, predeploy or plan run.
// CommonJS, not ESM: a CommonJS entry spares Node 20 its ESM loader (about fifteen internal modules
// and a facade per imported builtin), about ten milliseconds of every run. Every import() of a
// dependency becomes require() (dynamicImportInCjs: false), so the compile cache can take every
// chunk (src/cli/compile-cache.ts); each external dependency ships a CommonJS build.
import { rmSync } from 'node:fs'
import { dirname, isAbsolute, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { rolldown } from 'rolldown'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'dist', 'bundle')
rmSync(out, { recursive: true, force: true })
const bundle = await rolldown({
  input: join(root, 'dist', 'src', 'cli', 'main.js'),
  platform: 'node',
  external: (id) => !id.startsWith('.') && !isAbsolute(id) && id !== 'kysely',
  logLevel: 'warn',
})
await bundle.write({ dir: out, format: 'cjs', dynamicImportInCjs: false, entryFileNames: 'rollsafe.cjs', chunkFileNames: '[name]-[hash].cjs' })
await bundle.close()
