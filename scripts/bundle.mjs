#!/usr/bin/env node
// Bundles the built CLI (dist/src, dist/rules) into dist/bundle/: one module for the CLI core and one
// chunk per lazily loaded command, instead of ~150 small modules that Node resolves and reads one by
// one at every start. bin/rollsafe.js uses it when it is at least as new as dist/src/cli/main.js.
// Dependencies (libpg-query, kysely, PGlite, …) stay external: they load their own assets.
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
  external: (id) => !id.startsWith('.') && !isAbsolute(id),
  logLevel: 'warn',
})
await bundle.write({ dir: out, format: 'esm', entryFileNames: 'rollsafe.mjs', chunkFileNames: '[name]-[hash].mjs' })
await bundle.close()
