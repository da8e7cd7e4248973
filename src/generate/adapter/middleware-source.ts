/**
 * `express.ts` and `fastify.ts` of a generated adapter: thin wiring of the core into each
 * framework, typed with small structural interfaces so neither framework's types are needed.
 */
export const expressSource = `
import { downgradeResponse, findRoute, formatUrl, latestVersion, resolveVersion, splitUrl, upgradeRequest, type VersionOptions } from './core.js';

/** The parts of an Express 4 or 5 request the adapter reads and changes. */
export interface ExpressLikeRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/** The parts of an Express response the adapter reads and changes. */
export interface ExpressLikeResponse {
  statusCode: number;
  getHeader(name: string): unknown;
  setHeader(name: string, value: string): unknown;
  json: (body: unknown) => unknown;
}

export type ExpressLikeNext = (error?: unknown) => void;

/**
 * Express middleware: picks the client's version, upgrades an older client's request to the
 * latest version (path, parameters, body) before the routes see it, and downgrades what the
 * handler passes to res.json (or res.send with an object). Mount it after express.json() and
 * before the routes: app.use(express.json(), expressAdapter()).
 */
export function expressAdapter(options: VersionOptions = {}): (request: ExpressLikeRequest, response: ExpressLikeResponse, next: ExpressLikeNext) => void {
  return (request, response, next) => {
    const resolution = resolveVersion(options, request.url, request.headers);
    if (!resolution.ok) {
      response.statusCode = resolution.status;
      response.json(resolution.body);
      return;
    }
    const version = resolution.version;
    request.url = resolution.url;
    const { path, query } = splitUrl(resolution.url);
    const route = version === latestVersion ? undefined : findRoute(request.method, path);
    if (route === undefined) {
      next();
      return;
    }
    try {
      const original = { method: request.method, path, query, headers: request.headers, body: request.body };
      const upgraded = upgradeRequest(route.key, version, original);
      request.url = formatUrl(upgraded.path, upgraded.query);
      request.headers = { ...upgraded.headers };
      request.body = upgraded.body;
      // Express 5 computes req.query from the URL on each read; Express 4 parsed it already.
      Object.defineProperty(request, 'query', { value: { ...upgraded.query }, writable: true, configurable: true, enumerable: true });
      const send = response.json;
      response.json = (body: unknown): unknown => {
        const type = response.getHeader('content-type');
        const headers = typeof type === 'string' ? { 'content-type': type } : {};
        const downgraded = downgradeResponse(route.key, version, { status: response.statusCode, headers, body });
        response.statusCode = downgraded.status;
        for (const [name, value] of Object.entries(downgraded.headers)) {
          if (value !== undefined && value !== response.getHeader(name)) response.setHeader(name, value);
        }
        response.json = send;
        return send.call(response, downgraded.body);
      };
      next();
    } catch (error) {
      next(error);
    }
  };
}
`

export const fastifySource = `
import { downgradeResponse, findRoute, formatUrl, latestVersion, resolveVersion, splitUrl, upgradeRequest, type ApiVersion, type UnsupportedVersion, type VersionOptions } from './core.js';
import type { Route } from './operations.js';

/** The parts of the raw Node request Fastify hands to rewriteUrl. */
export interface FastifyLikeRawRequest {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** The parts of a Fastify request the adapter reads and changes. */
export interface FastifyLikeRequest {
  method: string;
  raw: FastifyLikeRawRequest;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  query?: unknown;
}

/** The parts of a Fastify reply the adapter reads and changes. */
export interface FastifyLikeReply {
  statusCode: number;
  code(status: number): unknown;
  header(name: string, value: string): unknown;
  getHeader(name: string): unknown;
  send(payload?: unknown): unknown;
}

type State =
  | { readonly rejected: UnsupportedVersion }
  | { readonly version: ApiVersion; readonly route: Route; readonly path: string; readonly query: Record<string, string | string[]> };

/**
 * Fastify wiring. Routing happens before any hook, so the version and the path move are decided
 * in rewriteUrl:
 *
 *   const adapter = fastifyAdapter();
 *   const app = Fastify({ rewriteUrl: adapter.rewriteUrl });
 *   app.addHook('onRequest', adapter.onRequest);
 *   app.addHook('preValidation', adapter.preValidation);
 *   app.addHook('preSerialization', adapter.preSerialization);
 */
export function fastifyAdapter(options: VersionOptions = {}) {
  const states = new WeakMap<object, State>();
  return {
    rewriteUrl(raw: FastifyLikeRawRequest): string {
      const url = raw.url ?? '/';
      const resolution = resolveVersion(options, url, raw.headers);
      if (!resolution.ok) {
        states.set(raw, { rejected: resolution.body });
        return url;
      }
      const { path, query } = splitUrl(resolution.url);
      const method = raw.method ?? 'GET';
      const route = resolution.version === latestVersion ? undefined : findRoute(method, path);
      if (route === undefined) return resolution.url;
      states.set(raw, { version: resolution.version, route, path, query });
      const moved = upgradeRequest(route.key, resolution.version, { method, path, query, headers: raw.headers, body: undefined });
      return formatUrl(moved.path, moved.query);
    },
    async onRequest(request: FastifyLikeRequest, reply: FastifyLikeReply): Promise<unknown> {
      const state = states.get(request.raw);
      if (state === undefined || !('rejected' in state)) return undefined;
      reply.code(400);
      return reply.send(state.rejected);
    },
    async preValidation(request: FastifyLikeRequest): Promise<void> {
      const state = states.get(request.raw);
      if (state === undefined || 'rejected' in state) return;
      const original = { method: request.method, path: state.path, query: state.query, headers: request.headers, body: request.body };
      const upgraded = upgradeRequest(state.route.key, state.version, original);
      request.headers = { ...upgraded.headers };
      request.query = { ...upgraded.query };
      request.body = upgraded.body;
    },
    async preSerialization(request: FastifyLikeRequest, reply: FastifyLikeReply, payload: unknown): Promise<unknown> {
      const state = states.get(request.raw);
      if (state === undefined || 'rejected' in state) return payload;
      const type = reply.getHeader('content-type');
      const headers = typeof type === 'string' ? { 'content-type': type } : {};
      const downgraded = downgradeResponse(state.route.key, state.version, { status: reply.statusCode, headers, body: payload });
      if (downgraded.status !== reply.statusCode) reply.code(downgraded.status);
      for (const [name, value] of Object.entries(downgraded.headers)) {
        if (value !== undefined && value !== reply.getHeader(name)) reply.header(name, value);
      }
      return downgraded.body;
    },
  };
}
`
