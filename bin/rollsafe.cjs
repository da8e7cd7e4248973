#!/usr/bin/env node
'use strict'
// CommonJS, like the bundle it loads (scripts/bundle.mjs): Node starts a CommonJS entry faster.
const { statSync } = require('node:fs')
const { join } = require('node:path')
const { pathToFileURL } = require('node:url')

// dist/bundle starts about twice as fast as the ~150 modules of dist/src; it is used only when it
// is at least as new as the last tsc build, so a build without a bundle never runs stale code.
const built = join(__dirname, '..', 'dist', 'src', 'cli', 'main.js')
const bundled = join(__dirname, '..', 'dist', 'bundle', 'rollsafe.cjs')
const mtime = (path) => {
  try {
    return statSync(path).mtimeMs
  } catch {
    return -1
  }
}
const cli = mtime(bundled) >= mtime(built) ? Promise.resolve(require(bundled)) : import(pathToFileURL(built).href)
cli.then(({ main }) => main(process.argv.slice(2), { cliProcess: true })).then((code) => {
  process.exitCode = code
})
