import { defineRule } from '../src/engine/rule';
import { operationName } from '../src/engine/walk/nodes';
import { responseName } from './lib/errors';
import { hasHeader } from './lib/headers';
import { isVersionParam } from './lib/path-shape';
import { parsePath, type PathSegment } from '../src/engine/model/path';
import type { Exchange } from '../src/engine/live/types';
import { is2xxStatus } from '../src/engine/status-ranges';

/**
 * Item GETs (a path whose last segment is a `{param}`: `/orders/{orderId}`) send a validator,
 * `ETag` or `Last-Modified`, on their success responses, so that clients can revalidate with
 * `If-None-Match` / `If-Modified-Since` and get a 304 instead of the whole body again.
 * Collection GETs, custom methods (`/orders/{id}:cancel`), a path ending in a version parameter
 * (`/{apiVersion}`), and 201, 202 and 204 responses (no representation of the item) are not checked.
 *
 * Live: a conditional GET (`If-None-Match` with the ETag, or `If-Modified-Since` with the
 * Last-Modified of the response before) answered with anything but 304, unless the resource
 * visibly changed in between (another body and another validator); and an item GET answered
 * 200, 203 or 206 without a validator (once per operation). A 304 with a body is
 * no-body-on-204-304's.
 */
export default defineRule({
  meta: {
    id: 'etag-conditional',
    group: 'caching',
    severity: 'info',
    description: 'Item GETs send an ETag or Last-Modified header so that clients can make conditional requests.',
    sources: ['RFC 9110 §13.1', 'AIP-154'],
    fix: 'no',
    habits: {
      noValidators:
        'the document sends no validators: {{share}} item GET operations answer without an ETag or Last-Modified header; send one so that clients can revalidate with If-None-Match and get 304 Not Modified',
    },
    messages: {
      missing:
        '{{response}} has no ETag or Last-Modified header; send a validator so that clients can revalidate with If-None-Match and get 304 Not Modified',
      notModified:
        '{{request}} with {{header}} (the {{validator}} of the response before) answered {{status}}, not 304 Not Modified; answer 304 without a body while the {{validator}} still matches',
      liveMissing:
        '{{operation}} answers without an ETag or Last-Modified header; send a validator so that clients can revalidate with If-None-Match and get 304 Not Modified',
    },
  },
  create(context) {
    return {
      Response(response) {
        const { operation, status } = response;
        // A representation of the item: not 202 (still being prepared) nor 204 (no content).
        if (operation.method !== 'get' || !/^(200|203|206|2XX)$/i.test(status)) return;
        if (!isItemPath(operation.pathItem.segments)) return;
        const name = operationName(operation);
        context.checked('noValidators', name);
        if (hasHeader(response, 'ETag', 'Last-Modified')) return;
        context.report({ messageId: 'missing', data: { response: responseName(response) }, at: response.loc, part: 'key', usedBy: name, habit: 'noValidators' });
      },
    };
  },
  probe: { needs: ['conditional'] },
  live(context) {
    return {
      exchange(exchange) {
        const { request, response } = exchange;
        if (!response) return;
        if (request.purpose === 'conditional') return checkConditional(exchange);
        const { operation } = request;
        if (request.purpose !== 'valid' || request.method !== 'GET' || !operation || ![200, 203, 206].includes(response.status)) return;
        if (!isItemPath(parsePath(operation.path))) return;
        if (response.headers.etag !== undefined || response.headers['last-modified'] !== undefined) return;
        context.report({ messageId: 'liveMissing', exchange, detail: 'no ETag or Last-Modified header' });
      },
    };

    function checkConditional(exchange: Exchange): void {
      const { request, response } = exchange;
      if (!response || response.status === 304) return;
      const etag = request.headers['if-none-match'];
      const since = request.headers['if-modified-since'];
      if (etag === undefined && since === undefined) return;
      const basis = request.basis?.response;
      // Changed in between: another body under another validator is a fresh 200, rightly.
      if (basis && is2xxStatus(response.status) && response.body !== basis.body) {
        if (etag !== undefined && response.headers.etag !== undefined && !weakMatch(etag, response.headers.etag)) return;
        if (etag === undefined && since !== undefined && response.headers['last-modified'] !== undefined && response.headers['last-modified'] !== since) return;
      }
      const data = etag !== undefined ? { header: `If-None-Match: ${etag}`, validator: 'ETag' } : { header: `If-Modified-Since: ${since}`, validator: 'Last-Modified' };
      const shown = [response.headers.etag && `etag: ${response.headers.etag}`, response.headers['last-modified'] && `last-modified: ${response.headers['last-modified']}`].filter(Boolean).join('; ');
      context.report({ messageId: 'notModified', data, exchange, detail: shown || undefined });
    }
  },
});

/**
 * An item route: the last segment is one `{param}` (not a custom method `{id}:cancel`, not a
 * version namespace `/{apiVersion}`; `/versions/{version}` is an item).
 */
function isItemPath(segments: PathSegment[]): boolean {
  const last = segments[segments.length - 1];
  if (!last || last.kind !== 'param' || last.customMethod !== undefined) return false;
  const before = segments[segments.length - 2];
  return !(isVersionParam(last.params[0] ?? '') && !(before?.kind === 'literal' && /versions?$/i.test(before.name)));
}

/**
 * If-None-Match compares weakly (RFC 9110 §13.1.2): `W/"x"` matches `"x"` and `W/"x"`. The
 * header may list several tags, or `*`.
 */
function weakMatch(ifNoneMatch: string, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//i, '');
  if (ifNoneMatch.trim() === '*') return true;
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === wanted);
}
