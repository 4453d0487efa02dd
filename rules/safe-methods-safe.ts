import { defineRule } from '../src/engine/rule';
import { listIn } from '../src/engine/live/response';
import { stateChangingVerbOf } from './lib/words';

/**
 * GET and HEAD change nothing (RFC 9110 §9.2.1): crawlers, link prefetchers, caches and retries
 * send them freely. Live only, and only with --allow-mutations (the prober never sends a GET
 * that may change data otherwise): a GET whose path names a change (`/users/{id}/delete`) that
 * answers 2xx, and a collection GET sent twice whose item count or ETag changed in between
 * (no write of the prober's came between them; another client's could, hence a warning).
 */
export default defineRule({
  meta: {
    id: 'safe-methods-safe',
    group: 'methods',
    severity: 'warn',
    description: 'GET and HEAD change nothing: no GET that names a change, no collection that changes when read.',
    sources: ['RFC 9110 §9.2.1', 'Z#149'],
    fix: 'no',
    messages: {
      changeInPath:
        '{{operation}} names a change ("{{verb}}") and answered {{status}} to a {{method}}; GET and HEAD must change nothing (crawlers, prefetchers and caches send them freely): make the change a POST, PUT, PATCH or DELETE',
      changedByRead: '{{operation}} changed between two identical GETs ({{what}}); reading a resource must not change it (if another client wrote in between, ignore this)',
    },
  },
  // The prober asks every rule which operations may change data: a GET whose path names a
  // change is held back like a POST unless --allow-mutations, whether this rule is on or not.
  probe: { needs: ['writes', 'repeat'], mayChangeData: (operation) => stateChangingVerbOf(operation.path) !== undefined },
  live(context) {
    return {
      exchange(exchange) {
        const { request, response } = exchange;
        if (!response || !request.operation || response.status < 200 || response.status > 299) return;
        if (request.purpose === 'valid' && (request.method === 'GET' || request.method === 'HEAD')) {
          const verb = stateChangingVerbOf(request.operation.path);
          if (verb) context.report({ messageId: 'changeInPath', data: { verb, method: request.method }, exchange });
          return;
        }
        if (request.purpose !== 'repeat' || !request.basis?.response) return;
        const before = request.basis.response;
        const what: string[] = [];
        const [countBefore, countAfter] = [listIn(before.json)?.length, listIn(response.json)?.length];
        if (countBefore !== undefined && countAfter !== undefined && countBefore !== countAfter) what.push(`${countBefore} items, then ${countAfter}`);
        const [tagBefore, tagAfter] = [before.headers.etag, response.headers.etag];
        if (tagBefore && tagAfter && tagBefore !== tagAfter) what.push(`ETag ${tagBefore}, then ${tagAfter}`);
        if (what.length > 0) context.report({ messageId: 'changedByRead', data: { what: what.join('; ') }, exchange, detail: what.join('; ') });
      },
    };
  },
});
