#!/usr/bin/env node
// The comparison point for `npm run bench`: api-smart-diff's apiCompare over the same pair,
// loading the files the same way (JSON.parse or YAML), printing only counts.
import { readFileSync } from 'node:fs'
import { apiCompare } from 'api-smart-diff'
import { parse as parseYaml } from 'yaml'

const read = (file) => {
  const text = readFileSync(file, 'utf8')
  return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text, { maxAliasCount: -1 })
}
const [oldFile, newFile] = process.argv.slice(2)
const { diffs } = apiCompare(read(oldFile), read(newFile))
const breaking = diffs.filter((d) => d.type === 'breaking').length
process.stdout.write(`${diffs.length} diffs, ${breaking} breaking\n`)
