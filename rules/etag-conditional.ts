import { defineRule } from '../src/engine/rule';
import { operationName } from '../src/engine/walk/nodes';
import { responseName } from './lib/errors';
import { hasHeader } from './lib/headers';
import { isVersionParam } from './lib/path-shape';

/**
 * Item GETs (a path whose last segment is a `{param}`: `/orders/{orderId}`) send a validator,
 * `ETag` or `Last-Modified`, on their success responses, so that clients can revalidate with
 * `If-None-Match` / `If-Modified-Since` and get a 304 instead of the whole body again.
 * Collection GETs, custom methods (`/orders/{id}:cancel`), a path ending in a version parameter
 * (`/{apiVersion}`), and 201, 202 and 204 responses (no representation of the item) are not checked.
 */
export default defineRule({
  meta: {
    id: 'etag-conditional',
    group: 'caching',
    severity: 'info',
    description: 'Item GETs send an ETag or Last-Modified header so that clients can make conditional requests.',
    sources: ['RFC 9110 §13.1', 'AIP-154'],
    fix: 'no',
    messages: {
      missing:
        '{{response}} has no ETag or Last-Modified header; send a validator so that clients can revalidate with If-None-Match and get 304 Not Modified',
    },
  },
  create(context) {
    return {
      Response(response) {
        const { operation, status } = response;
        // A representation of the item: not 202 (still being prepared) nor 204 (no content).
        if (operation.method !== 'get' || !/^(200|203|206|2XX)$/i.test(status)) return;
        const segments = operation.pathItem.segments;
        const last = segments[segments.length - 1];
        if (!last || last.kind !== 'param' || last.customMethod !== undefined) return;
        // `/{apiVersion}` is a namespace; `/versions/{version}` is an item.
        const before = segments[segments.length - 2];
        if (isVersionParam(last.params[0] ?? '') && !(before?.kind === 'literal' && /versions?$/i.test(before.name))) return;
        if (hasHeader(response, 'ETag', 'Last-Modified')) return;
        context.report({ messageId: 'missing', data: { response: responseName(response) }, at: response.loc, part: 'key', usedBy: operationName(operation) });
      },
    };
  },
});
