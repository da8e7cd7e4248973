// A scripted git repository for `rollsafe check --base` (test/check-e2e.test.ts): a base commit with
// version 1 of a split OpenAPI document and three migrations, and a branch `feature` on top that
// breaks the API (an operation removed, a parameter made required, a property removed in a $ref'd
// file), adds a locking migration, edits an old one and deletes another.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const openapiV1 = `openapi: 3.0.3
info: { title: pets, version: '1' }
paths:
  /pets:
    get:
      parameters:
        - name: limit
          in: query
          schema: { type: integer }
      responses:
        '200':
          description: the pets
          content:
            application/json:
              schema:
                type: array
                items: { $ref: 'schemas/pet.yaml' }
  /pets/{petId}:
    delete:
      parameters:
        - { name: petId, in: path, required: true, schema: { type: string } }
      responses:
        '204': { description: deleted }
`

const petV1 = `type: object
required: [id, name]
properties:
  id: { type: string }
  name: { type: string }
  tag: { type: string }
`

const baseFiles: Readonly<Record<string, string>> = {
  'rollsafe.config.yaml': 'api: [services/pets/openapi.yaml]\nmigrations: [db/migrations]\n',
  'services/pets/openapi.yaml': openapiV1,
  'services/pets/schemas/pet.yaml': petV1,
  'db/migrations/001_pets.sql': 'create table pets (id bigint primary key, name text not null);\n',
  'db/migrations/002_owners.sql': 'create table owners (\n  id bigint primary key,\n  email text not null\n);\n',
  'db/migrations/003_audit.sql': 'create table audit_log (id bigint primary key, entry jsonb not null);\n',
}

const featureFiles: Readonly<Record<string, string | null>> = {
  // DELETE /pets/{petId} removed, `limit` required
  'services/pets/openapi.yaml': openapiV1
    .replace(/ {2}\/pets\/\{petId\}:[^]*$/, '')
    .replace('schema: { type: integer }', 'required: true\n          schema: { type: integer }'),
  // `tag` removed from the referenced schema
  'services/pets/schemas/pet.yaml': petV1.replace('  tag: { type: string }\n', ''),
  // an applied migration edited on line 3, another deleted
  'db/migrations/002_owners.sql': 'create table owners (\n  id bigint primary key,\n  email varchar(320) not null\n);\n',
  'db/migrations/003_audit.sql': null,
  // new: an index built without CONCURRENTLY on an existing table
  'db/migrations/004_pets_name.sql': "set lock_timeout = '2s';\nset statement_timeout = '5s';\ncreate index if not exists pets_name_idx on public.pets (name);\n",
}

function write(root: string, files: Readonly<Record<string, string | null>>): void {
  for (const [path, text] of Object.entries(files)) {
    const file = join(root, path)
    if (text === null) rmSync(file)
    else {
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(file, text)
    }
  }
}

/** Builds the repository in `root` (an empty folder) and leaves `feature` checked out with its changes committed. */
export function buildCheckRepo(root: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=rollsafe', '-c', 'user.email=rollsafe@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: root,
      stdio: 'pipe',
    })
  git('init', '-q', '-b', 'main')
  write(root, baseFiles)
  git('add', '-A')
  git('commit', '-q', '-m', 'v1')
  git('checkout', '-q', '-b', 'feature')
  write(root, featureFiles)
  git('add', '-A')
  git('commit', '-q', '-m', 'v2: breaking changes')
}
