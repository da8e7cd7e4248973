import type { Entry, Treatment } from './adapter-plan.js'
import type { VersionLabels } from './version-labels.js'

function byPlace(a: Entry, b: Entry): number {
  const x = `${a.where}\u0000${a.what}`
  const y = `${b.where}\u0000${b.what}`
  return x < y ? -1 : x > y ? 1 : 0
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|')
}

/**
 * `ADAPTER.md`: how to mount the layer, the checklist of stubs a person must write, and the
 * account of every other change (generated, lossy, or nothing to do).
 */
export function checklistMarkdown(banner: string, labels: VersionLabels, entries: ReadonlyArray<Entry>, missing: ReadonlyArray<string>): string {
  const of = (...treatments: Treatment[]): Entry[] => entries.filter((entry) => treatments.includes(entry.treatment)).sort(byPlace)
  const manual = of('manual')
  const code = of('code', 'lossy')
  const none = of('none')
  const lines = [
    banner,
    '',
    `# Translation layer: version ${labels.old} → ${labels.new}`,
    '',
    `Clients of version ${labels.old} keep working against a service that implements version ${labels.new}:`,
    'their requests are upgraded before your handlers see them, and responses are downgraded on the way out.',
    '',
    '## Wire it up',
    '',
    '```ts',
    "// Express: after the body parser, before the routes. The version comes from the Api-Version header",
    "// (expressAdapter({ header: 'X-Version' }) to rename it, or { from: 'path' } for /v1/... URLs).",
    '// Bodies sent with res.json (or res.send with an object) are downgraded; strings and streams are not.',
    "app.use(express.json(), expressAdapter())",
    '',
    '// Fastify: routing happens before hooks, so the path move is done in rewriteUrl.',
    'const adapter = fastifyAdapter()',
    'const app = Fastify({ rewriteUrl: adapter.rewriteUrl })',
    "app.addHook('onRequest', adapter.onRequest)",
    "app.addHook('preValidation', adapter.preValidation)",
    "app.addHook('preSerialization', adapter.preSerialization)",
    '',
    '// Anything else (queues, webhooks, other frameworks): the core.',
    `upgradeRequest(operation, '${labels.old}', request); downgradeResponse(operation, '${labels.old}', response)`,
    '```',
    '',
    'An unknown version gets `400` with the supported versions. `adapter.test.ts` (vitest) sends a request',
    `of version ${labels.old} and a response of version ${labels.new} through every changed operation and`,
    'validates the results against the other version\'s schema.',
    '',
    `## To do: ${manual.length} change${manual.length === 1 ? '' : 's'} need${manual.length === 1 ? 's' : ''} a person`,
    '',
  ]
  if (manual.length === 0) lines.push('Nothing: every change is handled by generated code or needs no code.')
  else {
    lines.push('Each stub in `manual.ts` throws `not implemented` until written; its tests fail until then.', '')
    for (const entry of manual) lines.push(`- [ ] ${entry.where}: ${entry.what}${entry.by === undefined ? '' : ` — \`${entry.by}\``}`)
  }
  lines.push('', `## Handled by generated code (${code.length})`, '')
  if (code.length === 0) lines.push('None.')
  else {
    lines.push('| Where | Change | Function |', '| --- | --- | --- |')
    for (const entry of code) {
      const lossy = entry.treatment === 'lossy' ? ' **(lossy)**' : ''
      lines.push(`| ${cell(entry.where)} | ${cell(entry.what)}${lossy} | ${entry.by === undefined ? '' : `\`${entry.by}\``} |`)
    }
  }
  lines.push('', `## Nothing to do (${none.length})`, '')
  if (none.length === 0) lines.push('None.')
  for (const entry of none) lines.push(`- ${entry.where}: ${entry.what}`)
  if (missing.length > 0) {
    lines.push('', '## Not covered by the generated tests', '')
    for (const item of missing) lines.push(`- ${item}`)
  }
  return `${lines.join('\n')}\n`
}
