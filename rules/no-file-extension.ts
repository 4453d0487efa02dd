import { defineRule } from '../src/engine/rule';
import { requestPath } from '../src/engine/model/path';
import { normalizePath, parsePath } from '../src/engine/model/path';
import type { PathItemNode } from '../src/engine/walk/nodes';
import { EXTENSION_MEDIA_TYPES, extensionOf } from './lib/path-shape';
import { isObject } from '../src/engine/model/json';
import { STRUCTURED_EXTENSIONS, REPRESENTATION_EXTENSIONS } from './lib/words';
import { mediaTypeOf } from '../src/engine/media-types';

interface Options {
  /** Extensions that name a representation (lowercase, without the dot). */
  extensions: string[];
  /** Last segments (`widget.json`) or whole paths (`/exports/{id}.csv`) that are real files. */
  allow: string[];
}

/** Well-known files served under their own names: never a representation choice. */
const KNOWN_FILES = /^((openapi|swagger|asyncapi|api-docs)\.(json|ya?ml)|(robots|humans|security)\.txt|sitemap\.xml)$/i;

/** Media types that are always a file to download. */
const FILE_MEDIA_TYPE = /^(application\/(octet-stream|pdf|zip|gzip|x-tar)|image\/|audio\/|video\/)/;

/**
 * `/users.json`: the representation is chosen with `Accept`, not a suffix on the URI.
 * Only the last segment is checked, and only for representation extensions. Real files are
 * exempt: well-known names (`/openapi.yaml`, `/robots.txt`), anything under `/.well-known/`,
 * paths in `allow`, and downloads, where an operation's success response is a file (it
 * declares `Content-Disposition`, a binary schema or a file media type, or only the media
 * type of a non-JSON, non-XML extension, as `text/csv` for `/exports/{id}.csv`).
 */
export default defineRule<Options>({
  meta: {
    id: 'no-file-extension',
    group: 'naming',
    severity: 'info',
    description: 'Paths do not pick a representation with a file extension (.json, .xml, .csv, ...).',
    sources: ['MSW', 'Z#244'],
    fix: 'no',
    options: {
      schema: {
        type: 'object',
        properties: {
          extensions: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9]+$' } },
          allow: { type: 'array', items: { type: 'string' } },
        },
      },
      defaults: { extensions: [...REPRESENTATION_EXTENSIONS], allow: [] },
    },
    messages: {
      extension: '"{{path}}" picks its representation with ".{{extension}}"; drop the extension and let clients ask with "Accept: {{mediaType}}"',
    },
  },
  create(context) {
    const extensions = new Set(context.options.extensions);
    const allow = new Set(context.options.allow.map(normalizePath));
    /** Success responses (resolved) of each path item's operations. */
    const successes = new Map<PathItemNode, { response: Json; operation: Json }[]>();
    let root: Json = {};
    return {
      Document(document) {
        root = document.value;
      },
      Response(response) {
        if (!/^2/.test(response.status)) return;
        const item = response.operation.pathItem;
        const list = successes.get(item) ?? [];
        list.push({ response: response.value, operation: response.operation.value });
        successes.set(item, list);
      },
      'Document:exit'(document) {
        for (const item of document.pathItems) {
          const path = requestPath(item.path);
          const segments = parsePath(path);
          const last = segments[segments.length - 1];
          if (!last || segments.some((segment) => segment.text === '.well-known')) continue;
          const found = extensionOf(last);
          if (!found || found.dot === last.start) continue;
          const extension = found.extension.toLowerCase();
          if (!extensions.has(extension) || KNOWN_FILES.test(last.text)) continue;
          if (allow.has(normalizePath(last.text)) || allow.has(normalizePath(path))) continue;
          if ((successes.get(item) ?? []).some(({ response, operation }) => answersFile(response, operation, root, extension))) continue;
          context.report({
            messageId: 'extension',
            data: { path: item.path, extension: found.extension, mediaType: EXTENSION_MEDIA_TYPES[extension] ?? `the ${extension} media type` },
            at: item.loc,
            part: 'key',
            within: { text: item.path, start: found.dot, end: found.dot + 1 + found.extension.length },
          });
        }
      },
    };
  },
});

/**
 * A file: a `Content-Disposition` header, a binary schema (`format: binary`, 2.0 `type: file`),
 * file media types only, or (for a non-structured extension) only that extension's media type.
 */
function answersFile(response: Json, operation: Json, root: Json, extension: string): boolean {
  if (isObject(response.headers) && Object.keys(response.headers).some((name) => name.toLowerCase() === 'content-disposition')) return true;
  if (isObject(response.schema) && (response.schema.type === 'file' || response.schema.format === 'binary')) return true;
  let mediaTypes: string[];
  if (isObject(response.content)) {
    const content = response.content;
    if (Object.values(content).some((media) => isObject(media) && isObject(media.schema) && media.schema.format === 'binary')) return true;
    mediaTypes = Object.keys(content);
  } else {
    const produces = operation.produces ?? root.produces;
    mediaTypes = response.schema !== undefined && Array.isArray(produces) ? produces.map(String) : [];
  }
  const bases = mediaTypes.map((type) => mediaTypeOf(type) ?? '');
  if (bases.length === 0) return false;
  const own = STRUCTURED_EXTENSIONS.has(extension) ? undefined : EXTENSION_MEDIA_TYPES[extension];
  return bases.every((type) => FILE_MEDIA_TYPE.test(type) || type === own);
}

type Json = Record<string, unknown>;

