import { isAbsolute, join, posix, relative, sep } from 'node:path'

const toPosix = (path: string): string => (sep === '/' ? path : path.split(sep).join('/'))

/**
 * Paths of the config (relative to its folder) as findings name them: relative to the repository
 * root, so that SARIF and annotations point at the right file wherever rollsafe runs. Outside a git
 * repository, relative to the config's folder.
 *
 * @example
 * const paths = new RepoPaths('/repo/services/pets', 'services/pets/')
 * paths.shown('openapi.yaml') // 'services/pets/openapi.yaml'
 * paths.absolute('openapi.yaml') // '/repo/services/pets/openapi.yaml'
 */
export class RepoPaths {
  /**
   * @param dir the config's folder (absolute)
   * @param prefix `dir` seen from the repository root (`git rev-parse --show-prefix`): `services/pets/` or `''`
   */
  constructor(
    readonly dir: string,
    readonly prefix: string,
  ) {}

  /** Where a config path is on disk. */
  absolute(path: string): string {
    return isAbsolute(path) ? path : join(this.dir, path)
  }

  /** A config path as findings name it: `services/pets/openapi.yaml`. */
  shown(path: string): string {
    return this.fromAbsolute(this.absolute(path))
  }

  /** An absolute path (under the config's folder or elsewhere in the repository) as findings name it. */
  fromAbsolute(path: string): string {
    const inside = toPosix(relative(this.dir, path))
    if (isAbsolute(inside)) return inside
    return posix.normalize(posix.join(this.prefix === '' ? '.' : this.prefix, inside))
  }
}
