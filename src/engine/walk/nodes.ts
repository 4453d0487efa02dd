import type { NodeLocation } from '../model/location';
import type { PathSegment } from '../model/path';

export type OpenApiVersion = '2.0' | '3.0' | '3.1';
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';
export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Json = Record<string, unknown>;

/**
 * The typed nodes rules visit. Every node carries its (resolved) value and where that value
 * is written, so a finding inside a referenced file is reported against that file.
 */
export interface DocumentNode {
  kind: 'Document';
  version: OpenApiVersion;
  value: Json;
  loc: NodeLocation;
  /** Every path item, in document order: filled in before `Document:exit`. */
  pathItems: PathItemNode[];
  servers: ServerNode[];
}

/** A server URL (3.x `servers[].url`) or Swagger 2.0 `basePath`: its path is part of every URI. */
export interface ServerNode {
  kind: 'Server';
  url: string;
  /** The URL's path, and its segments with offsets inside `url`. */
  basePath: string;
  segments: PathSegment[];
  /** Where `url` (or `basePath`) is written. */
  loc: NodeLocation;
  /** `document` for root servers or basePath; otherwise the path item or operation that declares it. */
  level: 'document' | 'path' | 'operation';
  /** The 3.x Server Object (with its `variables`); undefined for a Swagger 2.0 basePath. */
  value?: Json;
}

export interface PathItemNode {
  kind: 'PathItem';
  path: string;
  segments: PathSegment[];
  /** The `paths` entry, whose key is the path. */
  loc: NodeLocation;
  /** The path item object itself (the target, when the entry is a `$ref`). */
  value: Json;
  valueLoc: NodeLocation;
  operations: OperationNode[];
  /**
   * The entry is a `$ref` that resolves to nothing (a missing file, a broken pointer): only the
   * path is known, `value` is empty. Rules about what a path item holds skip it.
   */
  unresolved?: true;
}

export interface OperationNode {
  kind: 'Operation';
  method: HttpMethod;
  pathItem: PathItemNode;
  value: Json;
  /** Where the operation object is (another file, when the operation is written as a `$ref`). */
  loc: NodeLocation;
  /** Where the operation is written: its method key under the path item. Findings about the operation as a whole go here. */
  keyLoc: NodeLocation;
}

/** `GET /users/{id}`: how messages and `usedBy` name an operation. */
export function operationName(operation: OperationNode): string {
  return `${operation.method.toUpperCase()} ${operation.pathItem.path}`;
}

export interface ParameterNode {
  kind: 'Parameter';
  name: string;
  in: string;
  value: Json;
  loc: NodeLocation;
  /** Where it is listed: its `parameters` entry (the `$ref`, when it is one; else the same as `loc`). */
  entryLoc: NodeLocation;
  /** The operation or path item that lists it. */
  owner: OperationNode | PathItemNode;
}

export interface RequestBodyNode {
  kind: 'RequestBody';
  operation: OperationNode;
  value: Json;
  loc: NodeLocation;
}

export interface ResponseNode {
  kind: 'Response';
  /** `200`, `4XX`, `default`, as written. */
  status: string;
  operation: OperationNode;
  value: Json;
  loc: NodeLocation;
}

export interface HeaderNode {
  kind: 'Header';
  name: string;
  response: ResponseNode;
  value: Json;
  loc: NodeLocation;
}

export interface MediaTypeNode {
  kind: 'MediaType';
  mediaType: string;
  parent: ResponseNode | RequestBodyNode;
  value: Json;
  loc: NodeLocation;
}

export interface SchemaNode {
  kind: 'Schema';
  value: Json;
  loc: NodeLocation;
  /** Nesting below the schema's root (0 for a media type's or parameter's own schema). */
  depth: number;
}

export interface SecuritySchemeNode {
  kind: 'SecurityScheme';
  name: string;
  value: Json;
  loc: NodeLocation;
}

export type ApiNode =
  | DocumentNode
  | ServerNode
  | PathItemNode
  | OperationNode
  | ParameterNode
  | RequestBodyNode
  | ResponseNode
  | HeaderNode
  | MediaTypeNode
  | SchemaNode
  | SecuritySchemeNode;

type NodeOfKind<K> = Extract<ApiNode, { kind: K }>;
type Kind = ApiNode['kind'];

/** Callbacks keyed by node kind (on entry) and `Kind:exit` (after the node's children). */
export type Visitors = { [K in Kind]?: (node: NodeOfKind<K>) => void } & {
  [K in Kind as `${K}:exit`]?: (node: NodeOfKind<K>) => void;
};
