import { childLocation, type NodeLocation } from '../model/location';
import { parsePath, serverBasePath } from '../model/path';
import type { RefResolver } from '../resolve/refs';
import { HTTP_METHODS, type ApiNode, type DocumentNode, type OpenApiVersion, type OperationNode, type PathItemNode, type RequestBodyNode, type ResponseNode, type ServerNode, type Visitors } from './nodes';
import { isObject } from '../model/json';
import { checkpoint, type ShouldStop } from '../stop';

type Json = Record<string, unknown>;
type Callback = (node: ApiNode) => void;

/** Deeper schemas than this are not visited (a guard against pathological documents). */
const MAX_SCHEMA_DEPTH = 64;
const SCHEMA_CHILDREN_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_CHILDREN_LISTS = ['allOf', 'oneOf', 'anyOf', 'prefixItems'];
const SCHEMA_CHILDREN_SINGLE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];

/**
 * Walks an OpenAPI document once, following `$ref`s through the resolver, and calls every
 * rule's visitors on typed nodes. Subtrees no visitor asks for (schemas, say) are skipped,
 * so a rule costs only the nodes it subscribes to.
 */
export class Walker {
  private readonly callbacks = new Map<string, Callback[]>();
  private readonly wantsSchemas: boolean;
  private readonly wantsOperationParts: boolean;
  private readonly visitedSchemas = new Set<object>();

  constructor(
    visitors: readonly Visitors[],
    private readonly resolver: RefResolver,
    private readonly version: OpenApiVersion,
    /** Asked before each node's visitors run: true stops the walk (LintStopped). */
    private readonly shouldStop?: ShouldStop,
  ) {
    for (const visitor of visitors) {
      for (const [key, callback] of Object.entries(visitor)) {
        if (!callback) continue;
        const list = this.callbacks.get(key) ?? [];
        list.push(callback as Callback);
        this.callbacks.set(key, list);
      }
    }
    const wants = (...kinds: string[]) => kinds.some((kind) => this.callbacks.has(kind) || this.callbacks.has(`${kind}:exit`));
    this.wantsSchemas = wants('Schema');
    this.wantsOperationParts = this.wantsSchemas || wants('RequestBody', 'Response', 'Header', 'MediaType');
  }

  walk(root: Json, loc: NodeLocation): void {
    const document: DocumentNode = { kind: 'Document', version: this.version, value: root, loc, pathItems: [], servers: [] };
    this.emit('Document', document);
    this.documentServers(document);
    const paths = root.paths;
    if (isObject(paths)) {
      for (const path of Object.keys(paths)) {
        // `x-…` keys are specification extensions, not paths.
        if (path.startsWith('x-')) continue;
        const item = this.pathItem(path, paths[path], childLocation(loc, 'paths', path));
        if (item) document.pathItems.push(item);
      }
    }
    this.securitySchemes(root, loc);
    this.emit('Document:exit', document);
  }

  private documentServers(document: DocumentNode): void {
    const root = document.value;
    if (this.version === '2.0') {
      if (typeof root.basePath === 'string') {
        document.servers.push(this.server(root.basePath, childLocation(document.loc, 'basePath'), 'document'));
      }
      return;
    }
    document.servers.push(...this.servers(root.servers, childLocation(document.loc, 'servers'), 'document'));
  }

  private servers(list: unknown, loc: NodeLocation, level: ServerNode['level']): ServerNode[] {
    if (!Array.isArray(list)) return [];
    const nodes: ServerNode[] = [];
    list.forEach((entry, index) => {
      if (isObject(entry) && typeof entry.url === 'string') {
        nodes.push(this.server(entry.url, childLocation(loc, String(index), 'url'), level, entry));
      }
    });
    return nodes;
  }

  private server(url: string, loc: NodeLocation, level: ServerNode['level'], value?: Json): ServerNode {
    const { path, offset } = serverBasePath(url);
    const node: ServerNode = { kind: 'Server', url, basePath: path, segments: parsePath(path, offset), loc, level, value };
    this.emit('Server', node);
    return node;
  }

  private pathItem(path: string, raw: unknown, loc: NodeLocation): PathItemNode | undefined {
    const resolved = this.resolver.resolve(raw, loc);
    if (!resolved || !isObject(resolved.value)) {
      // A `$ref` that resolves to nothing (invalid-ref says so) still has its path key: the
      // rules about the path see it, as an item with nothing in it (`unresolved`).
      if (!isObject(raw)) return undefined;
      const item: PathItemNode = { kind: 'PathItem', path, segments: parsePath(path), loc, value: {}, valueLoc: loc, operations: [], unresolved: true };
      this.emit('PathItem', item);
      this.emit('PathItem:exit', item);
      return item;
    }
    const value = resolved.value;
    const item: PathItemNode = {
      kind: 'PathItem',
      path,
      segments: parsePath(path),
      loc,
      value,
      valueLoc: resolved.loc,
      operations: [],
    };
    this.emit('PathItem', item);
    if (this.version !== '2.0') this.servers(value.servers, childLocation(resolved.loc, 'servers'), 'path');
    this.parameters(value.parameters, childLocation(resolved.loc, 'parameters'), item);
    for (const method of HTTP_METHODS) {
      if (!isObject(value[method])) continue;
      // Not allowed by the specification, but common (DigitalOcean: `get: { $ref: … }`) and
      // accepted by other tools: an operation written as a reference is followed.
      const keyLoc = childLocation(resolved.loc, method);
      const operationAt = this.resolver.resolve(value[method], keyLoc);
      if (!operationAt || !isObject(operationAt.value)) continue;
      const operation: OperationNode = {
        kind: 'Operation',
        method,
        pathItem: item,
        value: operationAt.value,
        loc: operationAt.loc,
        keyLoc,
      };
      item.operations.push(operation);
      this.operation(operation);
    }
    this.emit('PathItem:exit', item);
    return item;
  }

  private operation(operation: OperationNode): void {
    this.emit('Operation', operation);
    const { value, loc } = operation;
    if (this.version !== '2.0') this.servers(value.servers, childLocation(loc, 'servers'), 'operation');
    this.parameters(value.parameters, childLocation(loc, 'parameters'), operation);
    if (this.wantsOperationParts) {
      if (this.version !== '2.0' && value.requestBody !== undefined) this.requestBody(operation, value.requestBody, childLocation(loc, 'requestBody'));
      if (isObject(value.responses)) {
        for (const status of Object.keys(value.responses)) {
          this.response(operation, status, value.responses[status], childLocation(loc, 'responses', status));
        }
      }
    }
    this.emit('Operation:exit', operation);
  }

  private parameters(list: unknown, loc: NodeLocation, owner: OperationNode | PathItemNode): void {
    if (!Array.isArray(list)) return;
    list.forEach((raw, index) => {
      const entryLoc = childLocation(loc, String(index));
      const resolved = this.resolver.resolve(raw, entryLoc);
      if (!resolved || !isObject(resolved.value)) return;
      const value = resolved.value;
      this.emit('Parameter', { kind: 'Parameter', name: String(value.name ?? ''), in: String(value.in ?? ''), value, loc: resolved.loc, entryLoc, owner });
      if (this.wantsSchemas) {
        const schemaLoc = childLocation(resolved.loc, 'schema');
        if (value.schema !== undefined) this.schema(value.schema, schemaLoc, 0);
      }
    });
  }

  private requestBody(operation: OperationNode, raw: unknown, loc: NodeLocation): void {
    const resolved = this.resolver.resolve(raw, loc);
    if (!resolved || !isObject(resolved.value)) return;
    const node: RequestBodyNode = { kind: 'RequestBody', operation, value: resolved.value, loc: resolved.loc };
    this.emit('RequestBody', node);
    this.content(node);
  }

  private response(operation: OperationNode, status: string, raw: unknown, loc: NodeLocation): void {
    const resolved = this.resolver.resolve(raw, loc);
    if (!resolved || !isObject(resolved.value)) return;
    const value = resolved.value;
    const node: ResponseNode = { kind: 'Response', status, operation, value, loc: resolved.loc };
    this.emit('Response', node);
    if (isObject(value.headers)) {
      for (const name of Object.keys(value.headers)) {
        const header = this.resolver.resolve(value.headers[name], childLocation(resolved.loc, 'headers', name));
        if (header && isObject(header.value)) {
          this.emit('Header', { kind: 'Header', name, response: node, value: header.value, loc: header.loc });
        }
      }
    }
    if (this.version === '2.0') {
      if (this.wantsSchemas && value.schema !== undefined) this.schema(value.schema, childLocation(resolved.loc, 'schema'), 0);
    } else {
      this.content(node);
    }
    this.emit('Response:exit', node);
  }

  private content(parent: ResponseNode | RequestBodyNode): void {
    const content = parent.value.content;
    if (!isObject(content)) return;
    for (const mediaType of Object.keys(content)) {
      const value = content[mediaType];
      if (!isObject(value)) continue;
      const loc = childLocation(parent.loc, 'content', mediaType);
      this.emit('MediaType', { kind: 'MediaType', mediaType, parent, value, loc });
      if (this.wantsSchemas && value.schema !== undefined) this.schema(value.schema, childLocation(loc, 'schema'), 0);
    }
  }

  /**
   * Each schema object is visited once per walk, wherever it is used: recursive schemas end,
   * and a document that shares one schema everywhere (or a YAML alias bomb) costs no more
   * than its distinct schemas.
   */
  private schema(raw: unknown, loc: NodeLocation, depth: number): void {
    if (depth > MAX_SCHEMA_DEPTH) return;
    const resolved = this.resolver.resolve(raw, loc);
    if (!resolved || !isObject(resolved.value) || this.visitedSchemas.has(resolved.value)) return;
    const value = resolved.value;
    this.visitedSchemas.add(value);
    this.emit('Schema', { kind: 'Schema', value, loc: resolved.loc, depth });
    const at = (...segments: string[]) => childLocation(resolved.loc, ...segments);
    for (const key of SCHEMA_CHILDREN_MAPS) {
      const map = value[key];
      if (isObject(map)) for (const name of Object.keys(map)) this.schema(map[name], at(key, name), depth + 1);
    }
    for (const key of SCHEMA_CHILDREN_LISTS) {
      const list = value[key];
      if (Array.isArray(list)) list.forEach((child, index) => this.schema(child, at(key, String(index)), depth + 1));
    }
    for (const key of SCHEMA_CHILDREN_SINGLE) {
      if (isObject(value[key])) this.schema(value[key], at(key), depth + 1);
    }
  }

  private securitySchemes(root: Json, loc: NodeLocation): void {
    if (!this.callbacks.has('SecurityScheme')) return;
    const schemes = this.version === '2.0' ? root.securityDefinitions : isObject(root.components) ? root.components.securitySchemes : undefined;
    const schemesLoc = this.version === '2.0' ? childLocation(loc, 'securityDefinitions') : childLocation(loc, 'components', 'securitySchemes');
    if (!isObject(schemes)) return;
    for (const name of Object.keys(schemes)) {
      const resolved = this.resolver.resolve(schemes[name], childLocation(schemesLoc, name));
      if (resolved && isObject(resolved.value)) this.emit('SecurityScheme', { kind: 'SecurityScheme', name, value: resolved.value, loc: resolved.loc });
    }
  }

  private emit(key: string, node: ApiNode): void {
    const list = this.callbacks.get(key);
    if (!list) return;
    checkpoint(this.shouldStop);
    for (const callback of list) callback(node);
  }
}

