import { relative, resolve } from 'node:path'
import { findConfig } from '../config/find-config.js'
import type { Config } from '../config/config.js'
import { loadConfig } from '../config/load-config.js'
import { findRule } from '../core/registry.js'

/**
 * The config named by `--config`, else the nearest `rollsafe.config.*` above `cwd`, else undefined.
 * Rule ids in it must name rules (or their former ids) of this rollsafe.
 *
 * @example readConfig(undefined)?.policy // the policy of ./rollsafe.config.yaml, if there is one
 */
export function readConfig(explicit: string | undefined, cwd: string = process.cwd()): Config | undefined {
  const file = explicit ?? findConfig(cwd)
  if (file === undefined) return undefined
  const name = explicit ?? (relative(cwd, file) || file)
  return loadConfig(resolve(cwd, file), { name, knownRule: (id) => findRule(id) !== undefined })
}
