/** One migration as a layout reads it: its SQL text and how its runner executes it. */
export interface MigrationFile {
  /** As shown in findings: the path as given on the command line (repo-relative in fixtures). */
  readonly path: string
  readonly text: string
  /** The runner wraps the whole file in one transaction (Flyway, Prisma, Drizzle, Kysely). */
  readonly transactional: boolean
}
