/**
 * How the versioning rules (group F of ../shared/guidelines.md) recognise an API version:
 * in a URI segment, a host name, a header, a query parameter or a media type.
 *
 * Version segments are matched on the whole segment, never inside one: `ipv4-ranges`,
 * `oauth2`, `s3`, `dev2` and `v` are not versions.
 */
import type { OpenApiVersion, OperationNode, ParameterNode, PathItemNode, Visitors } from '../../src/engine/walk/nodes';
import { isObject } from '../../src/engine/model/json';
import { parsePath, serverBasePath } from '../../src/engine/model/path';
import { UNVERSIONED_BY_CONVENTION } from './words';

/** What a whole URI segment says about versions. */
export type SegmentVersion =
  /** `v1`, `v2beta`, `v1alpha2`, `v1p1beta1`: a major version (AIP-185). */
  | { kind: 'major'; major: string }
  /** `2010-04-01`: a date version (Twilio, Azure); a release line of its own, accepted as a major. */
  | { kind: 'date'; major: string }
  /** `v1.2`, `v1_0`, `2.0`, `version1`: a version, but not a major-only segment; `suggestion` is the major form. */
  | { kind: 'minor'; major: string; suggestion: string };

/** `v1`, `v2beta`, `v1alpha2`, `v1p1beta1`, `v4beta`: a major with an optional stability suffix (not `v3d`). */
const MAJOR = /^v(\d+)(?:p\d+)?(?:(?:alpha|beta|preview|rc|dev|internal|experimental|eap|pre|ga|stable|test)\d*)?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `v1.2`, `v1_0`, `v1-0`, `v2.1beta`. */
const V_WITH_MINOR = /^v(\d+)(?:[._-]\d+)+(?:[a-z]+\d*)?$/i;
/** `2.0`, `1.0`, `2.1.3`: a dotted number (a bare integer could be an id, and is not read as a version). */
const DOTTED = /^(\d+)(?:\.\d+)+$/;
/** `version1`, `version-2`, `ver_1.0`. */
const SPELLED = /^ver(?:sion)?[._-]?(\d+)(?:[._-]\d+)*$/i;

/** Reads one whole (literal) URI segment as a version, if it is one. */
export function segmentVersion(text: string): SegmentVersion | undefined {
  let match = MAJOR.exec(text);
  if (match) return { kind: 'major', major: `v${Number(match[1])}` };
  match = DATE.exec(text);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12 && Number(match[3]) >= 1 && Number(match[3]) <= 31) {
    return { kind: 'date', major: text };
  }
  match = V_WITH_MINOR.exec(text) ?? DOTTED.exec(text) ?? SPELLED.exec(text);
  if (match) {
    const major = `v${Number(match[1])}`;
    return { kind: 'minor', major, suggestion: major };
  }
  return undefined;
}

/** A host label that carries a version: `v1` in `v1.api.example.com`, `api-v2` in `api-v2.example.com`. */
export function hostVersion(host: string): string | undefined {
  for (const label of host.toLowerCase().split('.')) {
    for (const token of label.split('-')) {
      const match = MAJOR.exec(token);
      if (match) return `v${Number(match[1])}`;
    }
  }
  return undefined;
}

/** The host of a server URL (`https://v1.api.example.com/x` → `v1.api.example.com`), if it has one. */
export function serverHost(url: string): string | undefined {
  const match = /^(?:[a-zA-Z{][^:/?#]*:)?\/\/([^/?#:]*)/.exec(url);
  return match ? match[1] : undefined;
}

/**
 * A header that selects the API version: `Api-Version`, `X-API-Version`, `Accept-Version`,
 * `Stripe-Version`, `X-GitHub-Api-Version`, `Plaid-Version`. Not `If-Version` style
 * conditionals on a resource's own version (`X-Resource-Version`, `If-Match`).
 */
export function isVersionHeader(name: string): boolean {
  const lower = name.toLowerCase();
  if (!/(^|[-_])version$/.test(lower)) return false;
  return !/(^|[-_])(resource|object|file|document|schema|content|entity|etag|if|client|app|sdk|os|device|agent)[-_]version$/.test(lower);
}

/** Query parameter names that always select the API version. */
const API_VERSION_QUERY = /^api[-_]?version$/i;

/**
 * Whether a query parameter selects the API version. `api-version` (Azure) always does;
 * `version` and `v` only when most operations take it: a `version` on a few operations is
 * a resource's own version (`?version=` of a file, a firmware filter), not the API's.
 */
export function isApiVersionQueryName(name: string): boolean {
  return API_VERSION_QUERY.test(name);
}
export function isGenericVersionQuery(name: string, parameter: Record<string, unknown>, schema: unknown): boolean {
  if (name === 'version' || name === 'Version') return true;
  if (name !== 'v') return false;
  // `?v=` is as often a video id or a cache buster: only a documented version counts.
  const description = typeof parameter.description === 'string' ? parameter.description : '';
  return /\bversion\b/i.test(description) || statedValues(schema).some((value) => segmentVersion(value) !== undefined || /^\d+$/.test(value));
}

/**
 * A media type that carries a version: `application/vnd.acme.v1+json`,
 * `application/vnd.github.v3.raw`, `application/vnd.pagerduty+json;version=2`,
 * `application/json; okta-version=1.0.0`.
 */
export function isVersionedMediaType(mediaType: string): boolean {
  const lower = mediaType.toLowerCase();
  if (/[;,]\s*[\w.-]*version\s*=/.test(lower)) return true;
  // `vnd.github.v3.raw+json`, but not a format version such as `vnd.dev.sigstore.bundle.v0.3+json`.
  const subtype = lower.split(/[;,]/)[0];
  return /\/(?:vnd|x|prs)\.[^\s;]*?[.-]v\d+(?:[a-z]+\d*)?(?=[+-]|\.[a-z]|$)/.test(subtype);
}

/** The string values a parameter or header schema states: `default`, `enum`, `example`, `const`. */
export function statedValues(schema: unknown): string[] {
  if (!isObject(schema)) return [];
  const values: unknown[] = [schema.default, schema.example, schema.const];
  if (Array.isArray(schema.enum)) values.push(...schema.enum);
  return values.filter((value): value is string => typeof value === 'string');
}

/**
 * Whether a path parameter stands for the API version: `{apiVersion}` or `{api-version}`,
 * or a parameter whose stated values are major versions (Linode's `{apiVersion}` with enum
 * `v4`, `v4beta`). A parameter named `version` alone is a resource's version
 * (`/lke/versions/{version}`), not the API's.
 */
export function isVersionPathParameter(name: string, schema: unknown): boolean {
  if (API_VERSION_QUERY.test(name)) return true;
  const values = statedValues(schema);
  return values.length > 0 && values.every((value) => MAJOR.test(value));
}

/** The majors a version path parameter allows (`v4` for enum `v4`, `v4beta`). */
export function parameterMajors(schema: unknown): string[] {
  const majors = new Set<string>();
  for (const value of statedValues(schema)) {
    const version = segmentVersion(value);
    if (version) majors.add(version.major);
  }
  return [...majors];
}

// ---------------------------------------------------------------------------------------------
// Which operations are versioned, and how (api-versioned, one-version-strategy)

export type Strategy = 'uri' | 'subdomain' | 'header' | 'media-type' | 'query';
export const STRATEGIES: readonly Strategy[] = ['uri', 'subdomain', 'header', 'media-type', 'query'];

/** How one server URL (or Swagger 2.0 host + basePath) carries a version. */
export interface ServerVersion {
  /** The major of the first version segment of its path (`v1` for `/api/v1`). */
  uriMajor?: string;
  /** A `{version}` variable in its path. */
  uriVariable: boolean;
  hostMajor?: string;
}

export interface OperationVersions {
  operation: OperationNode;
  strategies: Set<Strategy>;
  /** The major versions its URI names (path key first; the servers when the path has none). */
  majors: string[];
  /** Whether the major came from the path key (not the server URL). */
  majorInPath: boolean;
  /** Whether it documents any media type (a body, or an `Accept` parameter): media-type versioning can show only there. */
  hasContent: boolean;
}

export interface VersionSignals {
  visitors: Visitors;
  /** Call from `Document:exit` (after the collector's own visitors ran). */
  result(): OperationVersions[];
}

/**
 * Visitors that record, per operation, the versioning strategies that cover it. A version in
 * a server URL covers every operation that server applies to (path- and operation-level
 * `servers` override the document's); a version header or `api-version` query parameter
 * covers the operations that take it; a `version`/`v` query parameter counts only when at
 * least two operations and half of them take it.
 */
export function collectVersionSignals(version: OpenApiVersion): VersionSignals {
  let root: Record<string, unknown> = {};
  const documentServers: ServerVersion[] = [];
  let pathServers: ServerVersion[] = [];
  let pathStrategies = new Set<Strategy>();
  let pathGenericQuery = false;
  let current: { info: OperationVersions; servers: ServerVersion[]; genericQuery: boolean } | undefined;
  const pending: { info: OperationVersions; servers: ServerVersion[]; genericQuery: boolean }[] = [];
  let headerScheme = false;
  let pathItem: PathItemNode | undefined;
  let pathMajors: string[] = [];
  let pathParamMajors: string[] = [];
  let pathHasVersion = false;
  let pathAccept = false;

  const addMediaTypes = (strategies: Set<Strategy>, list: unknown) => {
    if (Array.isArray(list) && list.some((type) => typeof type === 'string' && isVersionedMediaType(type))) strategies.add('media-type');
  };
  const parameterStrategy = (parameter: ParameterNode): Strategy | 'generic-query' | undefined => {
    const schema = version === '2.0' ? parameter.value : parameter.value.schema;
    if (parameter.in === 'header') {
      if (isVersionHeader(parameter.name)) return 'header';
      if (/^(accept|content-type)$/i.test(parameter.name) && statedValues(schema).some(isVersionedMediaType)) return 'media-type';
    }
    if (parameter.in === 'query') {
      if (isApiVersionQueryName(parameter.name)) return 'query';
      if (isGenericVersionQuery(parameter.name, parameter.value, schema)) return 'generic-query';
    }
    return undefined;
  };

  const visitors: Visitors = {
    Document(document) {
      root = document.value;
      if (version === '2.0' && typeof root.host === 'string') {
        const hostMajor = hostVersion(root.host);
        if (hostMajor) documentServers.push({ uriVariable: false, hostMajor });
      }
    },
    Server(server) {
      const info: ServerVersion = { uriVariable: false };
      // `https://api.example.com/{basePath}` with `basePath: { default: v1 }`: read the defaults.
      const url = expandVariables(server.url, server.value);
      const segments = url === server.url ? server.segments : parsePath(serverBasePath(url).path);
      for (const segment of segments) {
        if (segment.kind === 'literal') {
          const found = segmentVersion(segment.text);
          if (found && !info.uriMajor) info.uriMajor = found.major;
        } else if (segment.params.some((name) => /version/i.test(name))) {
          info.uriVariable = true;
        }
      }
      const host = serverHost(url);
      if (host) info.hostMajor = hostVersion(host);
      if (server.level === 'document') {
        // Swagger 2.0: host and basePath are one server.
        if (version === '2.0' && documentServers.length > 0) Object.assign(documentServers[0], { uriMajor: info.uriMajor, uriVariable: info.uriVariable });
        else documentServers.push(info);
      } else if (server.level === 'path') pathServers.push(info);
      else current?.servers.push(info);
    },
    PathItem(item) {
      pathItem = item;
      pathServers = [];
      pathStrategies = new Set();
      pathGenericQuery = false;
      pathMajors = [];
      pathParamMajors = [];
      pathHasVersion = false;
      pathAccept = false;
      for (const segment of item.segments) {
        if (segment.kind !== 'literal') continue;
        const found = segmentVersion(segment.text);
        if (found) {
          pathHasVersion = true;
          if (!pathMajors.includes(found.major)) pathMajors.push(found.major);
        }
      }
    },
    Operation(operation) {
      const strategies = new Set(pathStrategies);
      if (version === '2.0') {
        addMediaTypes(strategies, operation.value.produces ?? root.produces);
        addMediaTypes(strategies, operation.value.consumes ?? root.consumes);
      }
      const hasContent = pathAccept || (version === '2.0' && hasSwagger2Content(operation.value, pathItem?.value));
      current = { info: { operation, strategies, majors: [], majorInPath: false, hasContent }, servers: [], genericQuery: pathGenericQuery };
    },
    Parameter(parameter) {
      if (parameter.in === 'path') {
        const schema = version === '2.0' ? parameter.value : parameter.value.schema;
        if (pathItem && pathItem.path.includes(`{${parameter.name}}`) && isVersionPathParameter(parameter.name, schema)) {
          pathHasVersion = true;
          for (const major of parameterMajors(schema)) if (!pathParamMajors.includes(major)) pathParamMajors.push(major);
        }
        return;
      }
      if (parameter.in === 'header' && /^accept$/i.test(parameter.name)) {
        if (parameter.owner.kind === 'Operation' && current) current.info.hasContent = true;
        else pathAccept = true;
      }
      const strategy = parameterStrategy(parameter);
      if (!strategy) return;
      const onOperation = parameter.owner.kind === 'Operation';
      if (strategy === 'generic-query') {
        if (onOperation && current) current.genericQuery = true;
        else pathGenericQuery = true;
      } else if (onOperation && current) current.info.strategies.add(strategy);
      else pathStrategies.add(strategy);
    },
    MediaType(mediaType) {
      if (!current) return;
      current.info.hasContent = true;
      if (isVersionedMediaType(mediaType.mediaType)) current.info.strategies.add('media-type');
    },
    'Operation:exit'() {
      if (!current) return;
      const { info } = current;
      const servers = current.servers.length > 0 ? current.servers : pathServers.length > 0 ? pathServers : documentServers;
      if (pathHasVersion) info.strategies.add('uri');
      if (servers.some((server) => server.uriMajor || server.uriVariable)) info.strategies.add('uri');
      if (servers.some((server) => server.hostMajor)) info.strategies.add('subdomain');
      // The server's version is the API's: a `vN` segment further down the path is then part of
      // a resource name (Meraki's `/switch/dhcp/v4/servers` under `/api/v1`). One server is
      // enough to name the major: alternatives (production, sandbox) share it.
      const server = servers.find((entry) => entry.uriMajor ?? entry.hostMajor);
      const serverMajor = server?.uriMajor ?? server?.hostMajor;
      const majors = pathMajors.length > 0 ? pathMajors : pathParamMajors;
      if (serverMajor) info.majors = [serverMajor];
      else if (majors.length > 0) {
        info.majors = [...majors];
        info.majorInPath = true;
      }
      pending.push(current);
      current = undefined;
    },
    SecurityScheme(scheme) {
      if (scheme.value.type === 'apiKey' && scheme.value.in === 'header' && typeof scheme.value.name === 'string' && isVersionHeader(scheme.value.name)) {
        headerScheme = true;
      }
    },
  };

  return {
    visitors,
    result() {
      const genericCount = pending.filter((entry) => entry.genericQuery).length;
      const genericIsVersion = genericCount >= 2 && genericCount * 2 >= pending.length;
      return pending.map((entry) => {
        if (entry.genericQuery && genericIsVersion) entry.info.strategies.add('query');
        if (headerScheme) entry.info.strategies.add('header');
        return entry.info;
      });
    },
  };
}

/** Swagger 2.0: whether an operation has a body parameter or a response schema. */
function hasSwagger2Content(operation: Record<string, unknown>, pathItem: Record<string, unknown> | undefined): boolean {
  const parameters = [...(Array.isArray(operation.parameters) ? operation.parameters : []), ...(Array.isArray(pathItem?.parameters) ? pathItem.parameters : [])];
  if (parameters.some((parameter) => isObject(parameter) && (parameter.in === 'body' || parameter.$ref !== undefined))) return true;
  const responses = operation.responses;
  return isObject(responses) && Object.values(responses).some((response) => isObject(response) && (response.schema !== undefined || response.$ref !== undefined));
}

export function isUnversionedByConvention(path: string): boolean {
  const first = path.split('/').find((segment) => segment !== '');
  if (first === undefined) return false;
  return UNVERSIONED_BY_CONVENTION.has(first.toLowerCase()) || /^<.*>$/.test(first);
}

/** A server URL with its `{variables}` replaced by their defaults. */
function expandVariables(url: string, server: Record<string, unknown> | undefined): string {
  if (!url.includes('{')) return url;
  const variables = server && isObject(server.variables) ? server.variables : undefined;
  if (!variables) return url;
  return url.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable.default === 'string' ? variable.default : whole;
  });
}
