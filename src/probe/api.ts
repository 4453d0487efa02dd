import type { OpenDocument } from '../engine/document';
import { isObject } from '../engine/model/json';
import { childLocation, type NodeLocation } from '../engine/model/location';
import { RefResolver } from '../engine/resolve/refs';
import type { SourceFile } from '../engine/source/source-file';
import { operationName, type OpenApiVersion, type OperationNode, type PathItemNode } from '../engine/walk/nodes';
import { Walker } from '../engine/walk/walker';
import type { LiveApi, LiveOperation, LiveParameter, LiveResponse, LiveSchema } from '../engine/live/types';

type Json = Record<string, unknown>;

/**
 * An opened document (src/engine/document.ts) read into the operations the prober plans from:
 * one walk of the engine's walker, so `$ref`s, the project-root policy and the 2.0/3.x
 * differences are handled as `lint` handles them.
 */
export function loadLiveApi(document: OpenDocument): LiveApi {
  return liveApiOf(document.entry, document.version, new RefResolver({ load: document.read, root: document.root }));
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/**
 * The path the document's servers put before its paths, for an app probed in-process: the path
 * of the first server URL (3.x; its variables at their defaults) when that URL is relative
 * (`/api`) or on this machine (`http://localhost:3000/api`), or 2.0's `basePath`; '' otherwise
 * (a public URL's path says where the API is published, not where the app serves it).
 */
export function documentBasePath(data: unknown): string {
  if (!isObject(data)) return '';
  if (typeof data.basePath === 'string') return trimPath(data.basePath);
  const first = Array.isArray(data.servers) ? data.servers[0] : undefined;
  if (!isObject(first) || typeof first.url !== 'string') return '';
  const variables = isObject(first.variables) ? first.variables : {};
  const url = first.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable.default === 'string' ? variable.default : whole;
  });
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return trimPath(`/${url.replace(/^\.?\/+/, '')}`.split(/[?#]/)[0]);
  if (!URL.canParse(url)) return '';
  const parsed = new URL(url);
  const host = parsed.hostname.toLowerCase();
  return LOCAL_HOSTS.has(host) || host.endsWith('.localhost') ? trimPath(parsed.pathname) : '';
}

/**
 * The path prefix the document's servers put before its paths, whatever their host: the first
 * non-empty path among the server URLs (3.x; variables at their defaults), or 2.0's `basePath`;
 * '' when none has one. For saying why every request got 404.
 */
export function documentServerPrefix(data: unknown): string {
  if (!isObject(data)) return '';
  if (typeof data.basePath === 'string') return trimPath(data.basePath);
  for (const server of Array.isArray(data.servers) ? data.servers : []) {
    if (!isObject(server) || typeof server.url !== 'string') continue;
    const path = /^[a-z][a-z0-9+.-]*:/i.test(server.url) ? documentBasePath({ servers: [{ ...server, url: server.url.replace(/^[^:]+:\/\/[^/]*/, '') }] }) : documentBasePath({ servers: [server] });
    if (path) return path;
  }
  return '';
}

function trimPath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' || trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** The operations of a parsed document (tests build it from text; loadLiveApi from disk). */
export function liveApiOf(entry: SourceFile, version: OpenApiVersion, resolver: RefResolver): LiveApi {
  const document = entry.data as Json;
  const operations: LiveOperation[] = [];
  const securitySchemes: Record<string, Json> = {};
  const pathParameters = new Map<PathItemNode, LiveParameter[]>();
  const byNode = new Map<OperationNode, LiveOperation>();
  const documentSecurity = Array.isArray(document.security) ? (document.security as Record<string, string[]>[]) : [];
  const produces = (operation: OperationNode): string[] => stringList(operation.value.produces) ?? stringList(document.produces) ?? ['application/json'];
  const consumes = (operation: OperationNode): string[] => stringList(operation.value.consumes) ?? stringList(document.consumes) ?? ['application/json'];

  new Walker(
    [
      {
        PathItem: (item) => pathParameters.set(item, []),
        Parameter: (node) => {
          const parameter = readParameter(node.value, node.loc, version, resolver);
          if (!parameter) {
            if (node.owner.kind === 'Operation' && version === '2.0' && node.value.in === 'body') {
              const live = byNode.get(node.owner);
              if (live) live.requestBody = { required: node.value.required === true, mediaTypes: new Map(consumes(node.owner).map((type) => [type.toLowerCase(), schemaAt(node.value.schema, node.loc)])) };
            }
            return;
          }
          if (node.owner.kind === 'PathItem') pathParameters.get(node.owner)?.push(parameter);
          else byNode.get(node.owner)?.parameters.push(parameter);
        },
        Operation: (node) => {
          const security = Array.isArray(node.value.security) ? (node.value.security as Record<string, string[]>[]) : documentSecurity;
          const operation: LiveOperation = {
            method: node.method,
            path: node.pathItem.path,
            name: operationName(node),
            loc: node.keyLoc,
            value: node.value,
            parameters: [],
            responses: [],
            // `security: [{}]` (an empty requirement) makes authentication optional.
            security: security.some((requirement) => isObject(requirement) && Object.keys(requirement).length === 0) ? [] : security.filter(isObject),
            deprecated: node.value.deprecated === true,
          };
          byNode.set(node, operation);
          operations.push(operation);
        },
        'Operation:exit': (node) => {
          const operation = byNode.get(node);
          if (!operation) return;
          // Operation-level parameters override path-level ones of the same name and place.
          const own = new Set(operation.parameters.map((parameter) => `${parameter.in}:${parameter.name}`));
          operation.parameters.push(...(pathParameters.get(node.pathItem) ?? []).filter((parameter) => !own.has(`${parameter.in}:${parameter.name}`)));
        },
        RequestBody: (node) => {
          const operation = byNode.get(node.operation);
          if (operation) operation.requestBody = { required: node.value.required === true, mediaTypes: new Map() };
        },
        Response: (node) => {
          const operation = byNode.get(node.operation);
          if (!operation) return;
          const response: LiveResponse = { status: node.status, mediaTypes: new Map(), headers: new Map(), loc: node.loc };
          if (version === '2.0' && node.value.schema !== undefined) {
            for (const type of produces(node.operation)) response.mediaTypes.set(type.toLowerCase(), schemaAt(node.value.schema, childLocation(node.loc, 'schema')));
          }
          operation.responses.push(response);
        },
        Header: (node) => {
          const response = byNode.get(node.response.operation)?.responses.find((candidate) => candidate.loc === node.response.loc);
          if (!response) return;
          // 2.0 headers are their own schema; 3.x headers have `required` and a `schema`.
          const schema = version === '2.0' ? { value: node.value, loc: node.loc } : schemaAt(node.value.schema, childLocation(node.loc, 'schema'));
          response.headers.set(node.name.toLowerCase(), { required: node.value.required === true, schema });
        },
        MediaType: (node) => {
          const schema = schemaAt(node.value.schema, childLocation(node.loc, 'schema'));
          const operation = byNode.get(node.parent.kind === 'Response' ? node.parent.operation : node.parent.operation);
          if (!operation) return;
          if (node.parent.kind === 'RequestBody' && operation.requestBody) {
            operation.requestBody.mediaTypes.set(node.mediaType.toLowerCase(), schema);
            const examples = mediaTypeExamples(node.value, node.loc, resolver);
            if (examples.length > 0) (operation.requestBody.examples ??= new Map()).set(node.mediaType.toLowerCase(), examples);
          }
          else operation.responses.find((candidate) => candidate.loc === node.parent.loc)?.mediaTypes.set(node.mediaType.toLowerCase(), schema);
        },
        SecurityScheme: (node) => {
          securitySchemes[node.name] = node.value;
        },
      },
    ],
    resolver,
    version,
  ).walk(document, { file: entry, pointer: [] });

  const versionKey = version === '2.0' ? 'swagger' : 'openapi';
  return { version, file: entry.path, loc: { file: entry, pointer: [versionKey] }, operations, securitySchemes };
}

/** A media type's `example`, then the `value` of each of its `examples` (Example Objects, `$ref`s followed). */
function mediaTypeExamples(value: Json, loc: NodeLocation, resolver: RefResolver): unknown[] {
  const found: unknown[] = [];
  if ('example' in value && value.example !== undefined) found.push(value.example);
  if (isObject(value.examples)) {
    for (const [name, example] of Object.entries(value.examples)) {
      const resolved = isObject(example) && '$ref' in example ? resolver.resolve(example, childLocation(childLocation(loc, 'examples'), name))?.value : example;
      if (isObject(resolved) && 'value' in resolved) found.push(resolved.value);
    }
  }
  return found;
}

function readParameter(value: Json, loc: NodeLocation, version: OpenApiVersion, resolver: RefResolver): LiveParameter | undefined {
  const place = value.in;
  if (place !== 'path' && place !== 'query' && place !== 'header' && place !== 'cookie') return undefined;
  if (typeof value.name !== 'string') return undefined;
  // 2.0 parameters carry their schema keywords (`type`, `enum`, `default`) themselves.
  const schema = version === '2.0' ? { value, loc } : schemaAt(value.schema, childLocation(loc, 'schema'));
  const resolvedSchema = schema && resolver.resolve(schema.value, schema.loc)?.value;
  const schemaValue = isObject(resolvedSchema) ? resolvedSchema : {};
  const examples = isObject(value.examples) ? Object.values(value.examples).find((example) => isObject(example) && 'value' in example) : undefined;
  const documentedValue =
    value.example ??
    (isObject(examples) ? examples.value : undefined) ??
    schemaValue.example ??
    (Array.isArray(schemaValue.examples) ? schemaValue.examples[0] : undefined) ??
    schemaValue.default ??
    (Array.isArray(schemaValue.enum) ? schemaValue.enum[0] : undefined);
  return { name: value.name, in: place, required: place === 'path' || value.required === true, schema, documentedValue };
}

function schemaAt(value: unknown, loc: NodeLocation): LiveSchema | undefined {
  return value === undefined ? undefined : { value, loc };
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.length > 0 ? value.filter((item): item is string => typeof item === 'string') : undefined;
}
