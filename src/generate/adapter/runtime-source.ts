/**
 * `runtime.ts` of every generated adapter: the data types the layer passes around and the small
 * helpers the generated converters call. Plain functions, no dependencies, no Node or DOM types.
 */
export const runtimeSource = `
/** A JSON object value. */
export type JsonObject = { [key: string]: unknown };

/** A request as the layer sees it: path without the query, query and headers as parsed. */
export interface AdapterRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[] | undefined>>;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
}

/** A response as the layer sees it, before it is serialized. */
export interface AdapterResponse {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
}

export type ParameterLocation = 'query' | 'header' | 'cookie' | 'path';

type Convert = (value: never) => unknown;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Edits a copy of an object value; values of other types (null, a string a union allows) pass. */
export function editObject(value: unknown, edit: (object: JsonObject) => void): unknown {
  if (!isJsonObject(value)) return value;
  const copy: JsonObject = { ...value };
  edit(copy);
  return copy;
}

export function convertProperty(object: JsonObject, name: string, convert: Convert): void {
  if (object[name] !== undefined) object[name] = convert(object[name] as never);
}

/** Renames a property in place, keeping the order of the keys. */
export function renameProperty(object: JsonObject, from: string, to: string): void {
  if (!(from in object)) return;
  if (to in object) {
    delete object[from];
    return;
  }
  const entries = Object.entries(object);
  for (const [key] of entries) delete object[key];
  for (const [key, value] of entries) object[key === from ? to : key] = value;
}

export function deleteProperty(object: JsonObject, name: string): void {
  delete object[name];
}

/** Sets a property that is absent to a copy of a value. */
export function defaultProperty(object: JsonObject, name: string, value: unknown): void {
  if (object[name] === undefined) object[name] = clone(value);
}

/** Sets a property that is absent to a copy of another one. */
export function copyProperty(object: JsonObject, from: string, to: string): void {
  if (object[to] === undefined && object[from] !== undefined) object[to] = clone(object[from]);
}

export function convertItems(value: unknown, convert: Convert): unknown {
  return Array.isArray(value) ? value.map((item: unknown) => convert(item as never)) : value;
}

export function convertTupleItem(value: unknown, index: number, convert: Convert): unknown {
  if (!Array.isArray(value) || index >= value.length) return value;
  const copy: unknown[] = [...value];
  copy[index] = convert(copy[index] as never);
  return copy;
}

/** Converts each value of a map-like object (additionalProperties). */
export function convertValues(value: unknown, convert: Convert): unknown {
  if (!isJsonObject(value)) return value;
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) copy[key] = convert(value[key] as never);
  return copy;
}

/** What tells one union branch from the others. */
export interface BranchTest {
  readonly types?: ReadonlyArray<string>;
  readonly required: ReadonlyArray<string>;
  readonly fixed: ReadonlyArray<readonly [string, ReadonlyArray<unknown>]>;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function fits(value: unknown, test: BranchTest): boolean {
  const type = typeOf(value);
  if (test.types !== undefined && !test.types.includes(type) && !(type === 'integer' && test.types.includes('number'))) return false;
  if (test.required.length === 0 && test.fixed.length === 0) return true;
  if (!isJsonObject(value)) return false;
  if (test.required.some((name) => value[name] === undefined)) return false;
  return test.fixed.every(([name, values]) => value[name] === undefined || values.some((fixed) => same(fixed, value[name])));
}

/** Converts a union value with the converter of the first branch it fits (none: unchanged). */
export function convertBranches(value: unknown, branches: ReadonlyArray<readonly [BranchTest, Convert | undefined]>): unknown {
  for (const [test, convert] of branches) {
    if (fits(value, test)) return convert === undefined ? value : convert(value as never);
  }
  return value;
}

/** Maps enum values through a table of [from, to] pairs. */
export function mapValue(value: unknown, table: ReadonlyArray<readonly [unknown, unknown]>): unknown {
  for (const [from, to] of table) if (same(from, value)) return to;
  return value;
}

export function coerceToString(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

export function coerceToInteger(value: unknown): unknown {
  return typeof value === 'number' ? Math.round(value) : value;
}

export function replaceNull(value: unknown, replacement: unknown): unknown {
  return value === null ? clone(replacement) : value;
}

/** The parameter values of a concrete path matched against a template like /pets/{petId}. */
export function matchPath(template: string, path: string): string[] | undefined {
  const trim = (text: string): string => (text.length > 1 && text.endsWith('/') ? text.slice(0, -1) : text);
  const expected = trim(template).split('/');
  const actual = trim(path).split('/');
  if (expected.length !== actual.length) return undefined;
  const values: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i] ?? '';
    const got = actual[i] ?? '';
    if (want.startsWith('{') && want.endsWith('}')) {
      if (got === '') return undefined;
      values.push(decodeURIComponent(got));
    } else if (want !== got) return undefined;
  }
  return values;
}

/** Fills a template's parameters in order. */
export function fillPath(template: string, values: ReadonlyArray<string>): string {
  let index = 0;
  return template
    .split('/')
    .map((segment) => (segment.startsWith('{') && segment.endsWith('}') ? encodeURIComponent(values[index++] ?? '') : segment))
    .join('/');
}
`
