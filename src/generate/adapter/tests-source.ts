/**
 * `adapter.test.ts` of a generated adapter (vitest): runs every sample through the layer and
 * checks the result against the other version's schema with ajv. The samples and schemas are
 * JSON files beside it, so the test reads them instead of holding copies.
 */
export const testsSource = `
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { downgradeResponse, isApiVersion, latestVersion, upgradeRequest, versions } from './core.js';
import { mediaTypeOf } from './messages.js';

interface RequestSample {
  readonly title: string;
  readonly operation: string;
  readonly request: {
    readonly method: string;
    readonly path: string;
    readonly query: Record<string, string>;
    readonly headers: Record<string, string>;
    readonly body?: unknown;
  };
  readonly expect: { readonly path: string; readonly schema?: string; readonly query: string[]; readonly headers: string[] };
}

interface ResponseSample {
  readonly title: string;
  readonly operation: string;
  readonly response: { readonly status: number; readonly headers: Record<string, string>; readonly body: unknown };
  readonly expect: { readonly status: number; readonly schema: string; readonly mediaType: string };
}

function read(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
}

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(read('./schema-old.json') as object, 'old');
ajv.addSchema(read('./schema-new.json') as object, 'new');
const samples = read('./samples.json') as { requests: RequestSample[]; responses: ResponseSample[] };
const oldest = versions[0];

function expectValid(version: 'old' | 'new', name: string, value: unknown): void {
  const validate = ajv.getSchema(version + '#/$defs/' + name);
  if (validate === undefined) throw new Error('no schema ' + name + ' in schema-' + version + '.json');
  const valid = validate(value);
  expect(valid, name + ': ' + ajv.errorsText(validate.errors)).toBe(true);
}

it('serves its versions and no other', () => {
  for (const version of versions) expect(isApiVersion(version)).toBe(true);
  expect(isApiVersion('no-such-version')).toBe(false);
});

if (samples.requests.length > 0) describe('requests of version ' + oldest + ' upgraded to ' + latestVersion, () => {
  for (const sample of samples.requests) {
    it(sample.title, () => {
      const upgraded = upgradeRequest(sample.operation, oldest, { ...sample.request, body: sample.request.body });
      expect(upgraded.path).toMatch(new RegExp(sample.expect.path));
      if (sample.expect.schema !== undefined) expectValid('new', sample.expect.schema, upgraded.body);
      for (const name of sample.expect.query) expect(upgraded.query[name], 'query parameter ' + name).toBeDefined();
      for (const name of sample.expect.headers) expect(upgraded.headers[name], 'header ' + name).toBeDefined();
    });
  }
});

if (samples.responses.length > 0) describe('responses of version ' + latestVersion + ' downgraded to ' + oldest, () => {
  for (const sample of samples.responses) {
    it(sample.title, () => {
      const downgraded = downgradeResponse(sample.operation, oldest, sample.response);
      expect(downgraded.status).toBe(sample.expect.status);
      expect(mediaTypeOf(downgraded.headers['content-type'])).toBe(mediaTypeOf(sample.expect.mediaType));
      expectValid('old', sample.expect.schema, downgraded.body);
    });
  }
});
`
