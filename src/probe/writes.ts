import { isObject } from '../engine/model/json';
import { is2xxStatus } from '../engine/status-ranges';
import type { Exchange, LiveApi, LiveOperation } from '../engine/live/types';

/**
 * A resource the probe created itself (a 2xx to one of its POSTs on a collection that has item
 * routes), followed through the probe's own PUT and PATCH (a key that changed) and DELETE.
 */
export interface OwnResource {
  /** The collection's path template (`/articles/{slug}/comments`). */
  collection: string;
  /** The collection's path as sent, base path included (`/api/articles/how-to-1/comments`). */
  at: string;
  /** The latest representation: the create's JSON body, then that of each of the probe's PUT and PATCH. */
  body: unknown;
  /** The key the create's Location header gave (its segment after `at`). */
  located?: string;
  /** The operation that created it (`POST /articles`). */
  createdBy: string;
  deleted: boolean;
}

/**
 * What the probe changed on the server: the resources it created, and the paths its own
 * requests made go away (a DELETE that succeeded, a PUT or PATCH that changed the key in the
 * path). A 404 on such a path, or under it, is explained by the probe itself.
 */
export class OwnWrites {
  readonly resources: OwnResource[] = [];
  /** Paths (no query) the probe's own requests removed or moved. */
  private readonly gone = new Set<string>();
  /** Collections (templates) that have an item route under them, with the item parameters' names. */
  private readonly itemNames = new Map<string, Set<string>>();
  /** Creations the probe cannot address afterwards (no item route, no key in the answer), by operation. */
  readonly unaddressable = new Map<string, number>();

  constructor(
    api: LiveApi,
    private readonly target: URL,
  ) {
    for (const operation of api.operations) {
      // Every `{name}` segment makes the path before it a collection of items keyed by name.
      const segments = operation.path.split('/');
      segments.forEach((segment, index) => {
        const name = /^\{([^}/]+)\}$/.exec(segment)?.[1];
        if (!name || index === 0) return;
        const collection = segments.slice(0, index).join('/');
        const names = this.itemNames.get(collection) ?? new Set<string>();
        names.add(name);
        this.itemNames.set(collection, names);
      });
    }
  }

  /** The key of one of the probe's resources for a path parameter, from its latest body, else its Location. */
  keyOf(resource: OwnResource, name: string): string | undefined {
    return keyIn(resource.body, name) ?? resource.located;
  }

  /** The path of a resource's item (`/api/articles/how-to-1`) for a parameter name. */
  itemPath(resource: OwnResource, name: string): string | undefined {
    const key = this.keyOf(resource, name);
    return key === undefined ? undefined : `${resource.at}/${encodeURIComponent(key)}`;
  }

  /** The value of `{name}` for the collection `collection` (template) at `at` (as sent): the first live resource the probe created there. */
  valueFor(collection: string, at: string, name: string): string | undefined {
    for (const resource of this.resources) {
      if (resource.deleted || resource.collection !== collection || resource.at !== at) continue;
      const key = this.keyOf(resource, name);
      if (key !== undefined) return key;
    }
    return undefined;
  }

  /** Whether a 404 to this request is explained by the probe's own earlier DELETE or key change. */
  explains(exchange: Exchange): boolean {
    if (exchange.response?.status !== 404) return false;
    const path = pathOf(exchange.request.path);
    for (const gone of this.gone) if (path === gone || path.startsWith(`${gone}/`)) return true;
    return false;
  }

  /** Reads what one of the probe's requests changed from its answer. */
  learn(exchange: Exchange): void {
    const { request, response } = exchange;
    const operation = request.operation;
    if (!response || !is2xxStatus(response.status) || !operation) return;
    const path = pathOf(request.path);
    if (request.method === 'POST' && request.purpose !== 'wrong-method') this.created(operation, path, exchange);
    else if ((request.method === 'PUT' || request.method === 'PATCH') && request.method === operation.method.toUpperCase()) this.updated(operation, path, response.json);
    else if (request.method === 'DELETE') this.deleted(path);
  }

  private created(operation: LiveOperation, at: string, exchange: Exchange): void {
    if (operation.method !== 'post') return;
    const names = this.itemNames.get(operation.path);
    const response = exchange.response!;
    const located = this.locatedKey(response.headers.location, at);
    const resource: OwnResource = { collection: operation.path, at, body: response.json, located, createdBy: operation.name, deleted: false };
    if (names && [...names].some((name) => this.keyOf(resource, name) !== undefined)) {
      this.resources.push(resource);
      return;
    }
    // A POST to a path without item routes that neither answered nor documents 201 and names
    // nothing in Location is an action (a login, a search, a calculation): it left nothing behind.
    const saysCreated = response.status === 201 || response.headers.location !== undefined || operation.responses.some((documented) => documented.status === '201');
    if (!names && !saysCreated) return;
    this.unaddressable.set(operation.name, (this.unaddressable.get(operation.name) ?? 0) + 1);
  }

  private updated(operation: LiveOperation, path: string, json: unknown): void {
    const name = /\/\{([^}/]+)\}$/.exec(operation.path)?.[1];
    if (!name) return;
    const sent = decodeSegment(path.slice(path.lastIndexOf('/') + 1));
    const now = keyIn(json, name);
    const resource = this.resources.find((candidate) => !candidate.deleted && this.itemPath(candidate, name) === path);
    if (now === undefined) return;
    if (resource) resource.body = json;
    if (now === sent) return;
    // The key in the path changed: the old path is gone, and what the probe made under it moved.
    this.gone.add(path);
    const moved = `${path.slice(0, path.lastIndexOf('/'))}/${encodeURIComponent(now)}`;
    for (const other of this.resources) {
      if (other.at === path || other.at.startsWith(`${path}/`)) other.at = `${moved}${other.at.slice(path.length)}`;
    }
  }

  private deleted(path: string): void {
    this.gone.add(path);
    for (const resource of this.resources) {
      if (resource.deleted) continue;
      const names = this.itemNames.get(resource.collection) ?? new Set<string>();
      const under = resource.at === path || resource.at.startsWith(`${path}/`);
      if (under || [...names].some((name) => this.itemPath(resource, name) === path)) resource.deleted = true;
    }
  }

  /** The key a Location header names under the collection's path, when it points there. */
  private locatedKey(location: string | undefined, at: string): string | undefined {
    if (!location) return undefined;
    let path: string;
    try {
      const url = new URL(location, new URL(at, this.target));
      if (url.origin !== this.target.origin) return undefined;
      path = url.pathname;
    } catch {
      return undefined;
    }
    if (!path.startsWith(`${at}/`)) return undefined;
    const segment = path.slice(at.length + 1).split('/')[0];
    return segment ? decodeSegment(segment) : undefined;
  }
}

/**
 * The value of a path parameter in a resource's JSON body: the member named as the parameter
 * (`slug`, `articleId`), else named by its last word (`id` for `articleId`, `slug` for
 * `article_slug`), at the top, else inside a wrapper object (`{ "article": { "slug": … } }`,
 * `{ "data": { … } }`), nearest first. Lists are not looked into: they hold many resources.
 */
export function keyIn(body: unknown, name: string): string | undefined {
  const words = name.split(/[-_.]|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean).map((word) => word.toLowerCase());
  const candidates = [...new Set([name.toLowerCase(), words.join(''), words.join('_'), words.at(-1) ?? ''])].filter(Boolean);
  let level: Record<string, unknown>[] = isObject(body) ? [body] : [];
  for (let depth = 0; depth < 3 && level.length > 0; depth++) {
    for (const candidate of candidates) {
      for (const object of level) {
        const key = Object.keys(object).find((member) => member.toLowerCase() === candidate);
        const value = key === undefined ? undefined : object[key];
        if ((typeof value === 'string' && value !== '') || typeof value === 'number') return String(value);
      }
    }
    level = level.flatMap((object) => Object.values(object).filter(isObject));
  }
  return undefined;
}

function pathOf(path: string): string {
  const at = path.indexOf('?');
  return at === -1 ? path : path.slice(0, at);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
