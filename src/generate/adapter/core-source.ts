import { literal } from './names.js'
import type { VersionLabels } from './version-labels.js'

/**
 * `core.ts` of a generated adapter: the framework-neutral entry points. Only the version list
 * differs between adapters; the rest is fixed text, compiled with the output in the tests.
 */
export function coreSource(labels: VersionLabels): string {
  return `
import { routes, type Route } from './operations.js';
import { matchPath, type AdapterRequest, type AdapterResponse } from './runtime.js';

/** The versions this layer serves, oldest first; the last is the one the service implements. */
export const versions = ${literal([labels.old, labels.new])} as const;

export type ApiVersion = (typeof versions)[number];

export const latestVersion: ApiVersion = ${literal(labels.new)};

export function isApiVersion(value: string): value is ApiVersion {
  return (versions as ReadonlyArray<string>).includes(value);
}

/** The route an older client calls, by method and path; literal segments win over parameters. */
export function findRoute(method: string, path: string): Route | undefined {
  const upper = method.toUpperCase();
  return routes.find((route) => route.method === upper && matchPath(route.oldPath, path) !== undefined);
}

function routeOf(operation: string): Route {
  const route = routes.find((candidate) => candidate.key === operation);
  if (route === undefined) throw new Error('unknown operation ' + operation);
  return route;
}

/**
 * An older client's request for \`operation\` (its key in that version, e.g. 'POST /pets/{}')
 * as the latest version expects it.
 */
export function upgradeRequest(operation: string, version: ApiVersion, request: AdapterRequest): AdapterRequest {
  if (version === latestVersion) return request;
  const route = routeOf(operation);
  return route.upgrade === undefined ? request : route.upgrade(request);
}

/** The latest version's response to \`operation\` as a client of \`version\` expects it. */
export function downgradeResponse(operation: string, version: ApiVersion, response: AdapterResponse): AdapterResponse {
  if (version === latestVersion) return response;
  const route = routeOf(operation);
  return route.downgrade === undefined ? response : route.downgrade(response);
}

/** Where the client's version comes from. */
export interface VersionOptions {
  /** The request header that names the version; 'Api-Version' by default. */
  readonly header?: string;
  /** 'path' reads it from the first path segment instead: /2/pets or /v2/pets. */
  readonly from?: 'header' | 'path';
  /** The version of requests that name none; the latest by default. */
  readonly defaultVersion?: ApiVersion;
}

/** The body of the 400 answer to an unknown version. */
export interface UnsupportedVersion {
  readonly error: 'unsupported-api-version';
  readonly message: string;
  readonly supported: ReadonlyArray<string>;
}

export type VersionResolution =
  | { readonly ok: true; readonly version: ApiVersion; readonly url: string }
  | { readonly ok: false; readonly status: 400; readonly body: UnsupportedVersion };

function unsupported(value: string): VersionResolution {
  const message = 'API version ' + JSON.stringify(value) + ' is not supported; use one of ' + versions.join(', ');
  return { ok: false, status: 400, body: { error: 'unsupported-api-version', message, supported: versions } };
}

/** The client's version, and the URL without a version prefix. */
export function resolveVersion(
  options: VersionOptions,
  url: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
): VersionResolution {
  if (options.from === 'path') {
    const { path, search } = splitUrl(url);
    const segments = path.split('/');
    const segment = segments[1] ?? '';
    const version = versions.find((candidate) => segment === candidate || segment === 'v' + candidate);
    if (version === undefined) return unsupported(segment);
    return { ok: true, version, url: '/' + segments.slice(2).join('/') + search };
  }
  const raw = headers[(options.header ?? 'Api-Version').toLowerCase()];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (value === undefined || value === '') return { ok: true, version: options.defaultVersion ?? latestVersion, url };
  return isApiVersion(value) ? { ok: true, version: value, url } : unsupported(value);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.split('+').join(' '));
  } catch {
    return text;
  }
}

/** '/pets?tag=a&tag=b' → path '/pets', search '?tag=a&tag=b', query { tag: ['a', 'b'] }. */
export function splitUrl(url: string): { readonly path: string; readonly search: string; readonly query: Record<string, string | string[]> } {
  const at = url.indexOf('?');
  const path = at < 0 ? url : url.slice(0, at);
  const search = at < 0 ? '' : url.slice(at);
  const query: Record<string, string | string[]> = {};
  for (const pair of search.slice(1).split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = decode(equals < 0 ? pair : pair.slice(0, equals));
    const value = equals < 0 ? '' : decode(pair.slice(equals + 1));
    const known = query[key];
    query[key] = known === undefined ? value : Array.isArray(known) ? [...known, value] : [known, value];
  }
  return { path, search, query };
}

/** The inverse of splitUrl. */
export function formatUrl(path: string, query: Readonly<Record<string, string | string[] | undefined>>): string {
  const parts: string[] = [];
  for (const key of Object.keys(query)) {
    const value = query[key];
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(item));
    }
  }
  return parts.length === 0 ? path : path + '?' + parts.join('&');
}
`
}
