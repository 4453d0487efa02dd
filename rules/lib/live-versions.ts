/**
 * What the live checks of the versioning rules (api-versioned, one-version-strategy) read off
 * an exchange: the version a request carries (path segment, header, query parameter, media
 * type) and the version a response names. Built on ./versions, which reads the same signals
 * in the document.
 */
import { isObject } from '../../src/engine/model/json';
import { parsePath, requestPath } from '../../src/engine/model/path';
import type { Exchange, LiveApi, LiveOperation, ProbeRequest, ProbeResponse } from '../../src/engine/live/types';
import { hostVersion, isApiVersionQueryName, isVersionHeader, isVersionedMediaType, isVersionPathParameter, segmentVersion, serverHost } from './versions';
import { isVersionParam } from './path-shape';

/** The strategies a live request can show (a version in the host is not visible: the prober sends paths). */
export type LiveStrategy = 'uri' | 'header' | 'query' | 'media-type';
export const LIVE_STRATEGIES: readonly LiveStrategy[] = ['uri', 'header', 'query', 'media-type'];

export interface RequestVersion {
  strategies: Set<LiveStrategy>;
  /** The major of the first version segment of the path (`v1`, or a date `2024-01-01`). */
  major?: string;
}

/**
 * The versions a request carries: a version segment of its path (`/v1/…`, `/2024-01-01/…`) in
 * the base path or a literal segment of the operation's template (a date filled into
 * `/reports/{day}` is an id, not a version), a version header (`Api-Version`), a `version` /
 * `api-version` query parameter, or a versioned media type in `Accept` / `Content-Type`.
 */
export function requestVersion(request: ProbeRequest): RequestVersion {
  const strategies = new Set<LiveStrategy>();
  let major: string | undefined;
  for (const segment of versionableSegments(request.path, request.operation)) {
    const found = segmentVersion(segment);
    if (!found) continue;
    strategies.add('uri');
    major ??= found.major;
  }
  for (const [name, value] of Object.entries(request.headers)) {
    if (isVersionHeader(name)) strategies.add('header');
    else if ((name === 'accept' || name === 'content-type') && isVersionedMediaType(value)) strategies.add('media-type');
  }
  if (queryNames(request.path).some((name) => isApiVersionQueryName(name) || /^version$/i.test(name))) strategies.add('query');
  return { strategies, major };
}

/** Whether a response names a version: a version header (`Api-Version: 2`) or a versioned media type. */
export function responseVersioned(response: ProbeResponse): boolean {
  for (const [name, value] of Object.entries(response.headers)) {
    if (isVersionHeader(name)) return true;
    if (name === 'content-type' && isVersionedMediaType(value)) return true;
  }
  return false;
}

/**
 * The path segments of a request that can carry the API's version: those of the base path
 * (before the operation's template) and those matching a literal segment or a version
 * parameter (`{apiVersion}`) of the template. Without an operation, every segment.
 */
function versionableSegments(path: string, operation: LiveOperation | undefined): string[] {
  const segments = requestPath(path).split('/').filter((segment) => segment !== '').map(decode);
  if (!operation) return segments;
  const template = parsePath(operation.path);
  if (template.length > segments.length) return segments;
  const base = segments.length - template.length;
  return segments.filter((_, index) => {
    if (index < base) return true;
    const part = template[index - base];
    if (part.kind === 'literal') return true;
    if (part.kind !== 'param') return false;
    const name = part.params[0] ?? '';
    const parameter = operation.parameters.find((candidate) => candidate.in === 'path' && candidate.name === name);
    return isVersionParam(name) || isVersionPathParameter(name, parameter?.schema?.value);
  });
}

function queryNames(path: string): string[] {
  const at = path.indexOf('?');
  if (at === -1) return [];
  return path
    .slice(at + 1)
    .split('#')[0]
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => decode(pair.split('=')[0].replace(/\+/g, ' ')));
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Whether the document's servers (3.x) or host (2.0) put a version in the host name
 * (`https://v1.api.example.com`): the prober's requests cannot show it, so a live check must
 * not call such an API unversioned.
 */
export function documentHostVersioned(api: LiveApi): boolean {
  const document = api.loc.file.data;
  if (!isObject(document)) return false;
  if (typeof document.host === 'string' && hostVersion(document.host)) return true;
  const servers: unknown[] = Array.isArray(document.servers) ? [...document.servers] : [];
  if (isObject(document.paths)) {
    for (const item of Object.values(document.paths)) {
      if (!isObject(item)) continue;
      if (Array.isArray(item.servers)) servers.push(...item.servers);
      for (const operation of Object.values(item)) if (isObject(operation) && Array.isArray(operation.servers)) servers.push(...operation.servers);
    }
  }
  return servers.some((server) => {
    if (!isObject(server) || typeof server.url !== 'string') return false;
    const host = serverHost(server.url);
    return host !== undefined && hostVersion(host) !== undefined;
  });
}

/**
 * Whether the document's servers (3.x, any level) or basePath (2.0) put a version in their
 * path (`https://petstore3.swagger.io/api/v3`): a probe whose --base-url leaves that path out
 * (a mock such as Prism serves the paths at its root, a local server at another prefix) cannot
 * show it in its requests, so a live check must not call such an API unversioned.
 */
export function documentServerPathVersioned(api: LiveApi): boolean {
  const document = api.loc.file.data;
  if (!isObject(document)) return false;
  const urls: string[] = typeof document.basePath === 'string' ? [document.basePath] : [];
  const servers: unknown[] = Array.isArray(document.servers) ? [...document.servers] : [];
  if (isObject(document.paths)) {
    for (const item of Object.values(document.paths)) {
      if (!isObject(item)) continue;
      if (Array.isArray(item.servers)) servers.push(...item.servers);
      for (const operation of Object.values(item)) if (isObject(operation) && Array.isArray(operation.servers)) servers.push(...operation.servers);
    }
  }
  for (const server of servers) if (isObject(server) && typeof server.url === 'string') urls.push(server.url);
  return urls.some((url) =>
    url
      .replace(/^(?:[a-zA-Z{][^:/?#]*:)?\/\/[^/?#]*/, '')
      .split(/[?#]/)[0]
      .split('/')
      .some((segment) => segmentVersion(segment) !== undefined),
  );
}

/** The exchange as evidence of an API-wide finding: located at the API (`openapi` key), `{{operation}}` = the API. */
export function atApi(exchange: Exchange): Exchange {
  return { ...exchange, request: { ...exchange.request, operation: undefined } };
}
