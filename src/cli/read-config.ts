import { relative, resolve } from 'node:path'
import { findConfig } from '../config/find-config.js'
import type { Config } from '../config/config.js'
import { findRule } from '../core/registry.js'

/**
 * The config named by `--config`, else the nearest `rollsafe.config.*` above `cwd`, else undefined.
 * Rule ids in it must name rules (or their former ids) of this rollsafe.
 *
 * The loader (ajv, yaml) is imported only when there is a config, to keep start-up fast.
 *
 * @example (await readConfig(undefined))?.policy // the policy of ./rollsafe.config.yaml, if any
 */
export async function readConfig(explicit: string | undefined, cwd: string = process.cwd()): Promise<Config | undefined> {
  const file = explicit ?? findConfig(cwd)
  if (file === undefined) return undefined
  const name = explicit ?? (relative(cwd, file) || file)
  const { loadConfig } = await import('../config/load-config.js')
  return loadConfig(resolve(cwd, file), { name, knownRule: (id) => findRule(id) !== undefined })
}
