import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where rollsafe keeps what it can rebuild (PGlite data directories, compiled code):
 * `$ROLLSAFE_CACHE_DIR`, else `$XDG_CACHE_HOME/rollsafe` or `~/.cache/rollsafe`; undefined when
 * `ROLLSAFE_CACHE_DIR=off`.
 */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env['ROLLSAFE_CACHE_DIR']
  if (configured === 'off') return undefined
  if (configured) return configured
  return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'rollsafe')
}
