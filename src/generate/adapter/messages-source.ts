/**
 * `messages.ts` of every generated adapter: helpers that change a request or a response (its
 * parameters, path, media type, status, headers) for the generated operation functions.
 */
export const messagesSource = `
import { fillPath, matchPath } from './runtime.js';
import type { AdapterRequest, AdapterResponse, ParameterLocation } from './runtime.js';

type Convert = (value: never) => unknown;
type HeaderValue = string | string[] | undefined;

function first(value: HeaderValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The media type of a content-type value, lower-case, without parameters. */
export function mediaTypeOf(value: HeaderValue): string | undefined {
  const text = first(value);
  return text === undefined ? undefined : (text.split(';')[0] ?? '').trim().toLowerCase();
}

function mediaMatches(actual: HeaderValue, expected: string): boolean {
  const type = mediaTypeOf(actual);
  const wanted = mediaTypeOf(expected);
  return type === undefined || wanted === '*/*' || type === wanted;
}

function withMediaType(value: string, mediaType: string): string {
  const parameters = value.indexOf(';');
  return parameters < 0 ? mediaType : mediaType + value.slice(parameters);
}

function parseCookies(header: HeaderValue): Array<[string, string]> {
  const text = first(header);
  if (text === undefined || text === '') return [];
  return text.split(';').map((part) => {
    const at = part.indexOf('=');
    return at < 0 ? [part.trim(), ''] : [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  });
}

function getParameter(request: AdapterRequest, location: ParameterLocation, name: string): HeaderValue {
  if (location === 'query') return request.query[name];
  if (location === 'header') return request.headers[name.toLowerCase()];
  if (location === 'cookie') return parseCookies(request.headers['cookie']).find(([key]) => key === name)?.[1];
  return undefined;
}

function setParameter(request: AdapterRequest, location: ParameterLocation, name: string, value: HeaderValue): AdapterRequest {
  if (location === 'query') {
    const query = { ...request.query };
    if (value === undefined) delete query[name];
    else query[name] = value;
    return { ...request, query };
  }
  if (location === 'header') {
    const headers = { ...request.headers };
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
    return { ...request, headers };
  }
  if (location === 'cookie') {
    const cookies = parseCookies(request.headers['cookie']).filter(([key]) => key !== name);
    const text = first(value);
    if (text !== undefined) cookies.push([name, text]);
    const headers = { ...request.headers, cookie: cookies.map(([key, item]) => key + '=' + item).join('; ') };
    return { ...request, headers };
  }
  return request;
}

export function renameParameter(request: AdapterRequest, location: ParameterLocation, from: string, to: string): AdapterRequest {
  const value = getParameter(request, location, from);
  if (value === undefined) return request;
  const without = setParameter(request, location, from, undefined);
  return getParameter(without, location, to) === undefined ? setParameter(without, location, to, value) : without;
}

export function defaultParameter(request: AdapterRequest, location: ParameterLocation, name: string, value: string): AdapterRequest {
  return getParameter(request, location, name) === undefined ? setParameter(request, location, name, value) : request;
}

export function deleteParameter(request: AdapterRequest, location: ParameterLocation, name: string): AdapterRequest {
  return setParameter(request, location, name, undefined);
}

export function mapParameter(
  request: AdapterRequest,
  location: ParameterLocation,
  name: string,
  table: ReadonlyArray<readonly [string, string]>,
): AdapterRequest {
  const value = getParameter(request, location, name);
  if (value === undefined) return request;
  const map = (text: string): string => table.find(([from]) => from === text)?.[1] ?? text;
  return setParameter(request, location, name, Array.isArray(value) ? value.map(map) : map(value));
}

/** Moves a request from one path template to another, parameters by position. */
export function movePath(request: AdapterRequest, from: string, to: string): AdapterRequest {
  const values = matchPath(from, request.path);
  return values === undefined ? request : { ...request, path: fillPath(to, values) };
}

export function convertRequestBody(request: AdapterRequest, mediaType: string, convert: Convert): AdapterRequest {
  if (request.body === undefined || !mediaMatches(request.headers['content-type'], mediaType)) return request;
  return { ...request, body: convert(request.body as never) };
}

export function setRequestMediaType(request: AdapterRequest, from: string, to: string): AdapterRequest {
  const value = first(request.headers['content-type']) ?? from;
  if (mediaTypeOf(value) !== mediaTypeOf(from)) return request;
  return { ...request, headers: { ...request.headers, 'content-type': withMediaType(value, to) } };
}

export function deleteRequestBody(request: AdapterRequest): AdapterRequest {
  const headers = { ...request.headers };
  delete headers['content-type'];
  delete headers['content-length'];
  return { ...request, headers, body: undefined };
}

export function convertResponseBody(response: AdapterResponse, mediaType: string, convert: Convert): AdapterResponse {
  if (response.body === undefined || !mediaMatches(response.headers['content-type'], mediaType)) return response;
  return { ...response, body: convert(response.body as never) };
}

export function setResponseMediaType(response: AdapterResponse, from: string, to: string): AdapterResponse {
  const value = response.headers['content-type'] ?? from;
  if (mediaTypeOf(value) !== mediaTypeOf(from)) return response;
  return { ...response, headers: { ...response.headers, 'content-type': withMediaType(value, to) } };
}

export function defaultHeader(response: AdapterResponse, name: string, value: string): AdapterResponse {
  const key = name.toLowerCase();
  return response.headers[key] === undefined ? { ...response, headers: { ...response.headers, [key]: value } } : response;
}

export function mapHeader(response: AdapterResponse, name: string, table: ReadonlyArray<readonly [string, string]>): AdapterResponse {
  const key = name.toLowerCase();
  const value = response.headers[key];
  const mapped = table.find(([from]) => from === value)?.[1];
  return mapped === undefined ? response : { ...response, headers: { ...response.headers, [key]: mapped } };
}

export function withStatus(response: AdapterResponse, status: number): AdapterResponse {
  return { ...response, status };
}

/** Which of an operation's documented statuses (200, 2XX, default) a status code falls under. */
export function matchStatus(status: number, declared: ReadonlyArray<string>): string | undefined {
  const code = String(status);
  if (declared.includes(code)) return code;
  const range = declared.find((item) => item.toUpperCase() === code.charAt(0) + 'XX');
  if (range !== undefined) return range;
  return declared.includes('default') ? 'default' : undefined;
}
`
