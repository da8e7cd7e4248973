#!/usr/bin/env node
import { statSync } from 'node:fs'

// dist/bundle (scripts/bundle.mjs) starts about twice as fast as the ~150 modules of dist/src; it is
// used only when it is at least as new as the last tsc build, so a build without a bundle never runs stale code.
const built = new URL('../dist/src/cli/main.js', import.meta.url)
const bundled = new URL('../dist/bundle/rollsafe.mjs', import.meta.url)
const mtime = (url) => {
  try {
    return statSync(url).mtimeMs
  } catch {
    return -1
  }
}
const { main } = await import(mtime(bundled) >= mtime(built) ? bundled.href : built.href)

process.exitCode = await main(process.argv.slice(2))
