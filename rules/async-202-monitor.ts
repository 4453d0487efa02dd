import { defineRule } from '../src/engine/rule';
import type { ResponseNode } from '../src/engine/walk/nodes';
import { responseHeaders, responseSchemas, responseSubject, topLevelProperties } from './lib/status';
import { isObject } from '../src/engine/model/json';

/** Headers that point to a status monitor: RFC 9110's Location, Azure's Operation-Location and Azure-AsyncOperation. */
const MONITOR_HEADERS = ['location', 'operation-location', 'azure-asyncoperation', 'content-location'];
/** Body properties that link to a status monitor (`statusUrl`, `_links`, `href`, Durable Functions' `statusQueryGetUri`). */
const MONITOR_PROPERTY = /^(url|uri|href|self|links|location|statusquerygeturi)$|(status|monitor|poll|polling|operation|job|task|progress|self|result)(url|uri|href|link|links|location)$/;
/** Body properties that name the job or operation to poll (Amazon SP-API's `operationId`). */
const MONITOR_ID = /^(operation|job|task|asyncoperation)id$/;

const normal = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

/** Whether properties describe a tracked piece of work: an id and a status or state. */
function isTracked(properties: Map<string, unknown>): boolean {
  const names = [...properties.keys()].map(normal);
  return names.some((name) => name === 'id' || name === 'uuid') && names.some((name) => /(status|state)$/.test(name));
}

/**
 * A 202 Accepted starts work the server finishes later (the course's queue-backed pattern):
 * it points to a status monitor the client can poll, in a `Location` or `Operation-Location`
 * header (Azure's `Azure-AsyncOperation` counts too) or as a link in the body (`statusUrl`,
 * `href`, `_links`, in any `allOf`/`oneOf`/`anyOf` member) or the id of the operation to poll
 * (`operationId`, `jobId`), or embeds the monitor (an object with an `id` and a `status` or
 * `state`, at the top of the body or one level down), and says
 * when to poll with `Retry-After` (a weaker finding, capped at hint). A 202 to a GET or HEAD
 * ("not ready yet, ask again", Box's file download) is exempt: the request URL is the
 * monitor. Reported at the response (the component when it is shared).
 */
export default defineRule({
  meta: {
    id: 'async-202-monitor',
    group: 'status-codes',
    severity: 'info',
    description: 'A 202 Accepted response points to a status monitor (Location or Operation-Location) and says when to poll (Retry-After).',
    sources: ['MSW', 'AZ', 'RFC 9110 §15.3.3'],
    fix: 'no',
    messages: {
      liveNoMonitor: '{{operation}} answered 202 without a Location (or Operation-Location) header; point the client to a status monitor it can poll',
      noMonitor: '{{subject}} does not say where to follow the accepted work; add a Location (or Operation-Location) header with the URL of a status monitor the client can poll',
      noRetryAfter: '{{subject}} points to a status monitor ({{header}}) but has no Retry-After header; add one so clients know how long to wait before polling the status monitor',
    },
  },
  create(context) {
    function check(response: ResponseNode): void {
      // A 202 to a GET or HEAD means "not ready yet, ask again": the request URL is the monitor.
      if (response.status !== '202' || response.operation.method === 'get' || response.operation.method === 'head') return;
      const { subject, usedBy } = responseSubject(response);
      const headers = responseHeaders(context, response);
      const monitor = MONITOR_HEADERS.find((name) => headers.has(name));
      if (!monitor) {
        const linked = responseSchemas(context, response).some((schema) => {
          const properties = topLevelProperties(context, schema, true);
          if ([...properties.keys()].some((name) => MONITOR_PROPERTY.test(normal(name)) || MONITOR_ID.test(normal(name)))) return true;
          // An embedded monitor: the accepted resource itself, with its id and its progress
          // (DigitalOcean's `{ "action": { "id", "status": "in-progress" } }`), at the top or one level down.
          if (isTracked(properties)) return true;
          return [...properties.values()].some((property) => isTracked(topLevelProperties(context, { value: property.value, loc: property.valueLoc }, true)));
        });
        if (!linked) context.report({ messageId: 'noMonitor', data: { subject }, at: response.loc, part: 'key', usedBy });
        return;
      }
      if (headers.has('retry-after')) return;
      const written = Object.keys(response.value.headers as object).find((name) => name.toLowerCase() === monitor) ?? monitor;
      const at = { file: response.loc.file, pointer: [...response.loc.pointer, 'headers', written] };
      context.report({ messageId: 'noRetryAfter', data: { subject, header: written }, at, part: 'key', usedBy, severity: 'hint' });
    }
    return {
      Response(response) {
        check(response);
      },
    };
  },
  live(context) {
    return {
      exchange(ex) {
        const { request, response } = ex;
        if (!response || response.status !== 202 || request.method === 'GET' || request.method === 'HEAD') return;
        if (MONITOR_HEADERS.some((name) => response.headers[name] !== undefined)) return;
        // A body that links to the monitor or embeds it counts, as in the document.
        if (bodyPointsToMonitor(response.json)) return;
        context.report({ messageId: 'liveNoMonitor', exchange: ex });
      },
    };
  },
});

/** Whether a live JSON body links to a status monitor, names the job to poll, or is (or holds) the tracked work itself. */
function bodyPointsToMonitor(json: unknown): boolean {
  if (!isObject(json)) return false;
  const names = Object.keys(json).map(normal);
  if (names.some((name) => MONITOR_PROPERTY.test(name) || MONITOR_ID.test(name))) return true;
  const tracked = (value: Record<string, unknown>) => isTracked(new Map(Object.keys(value).map((key) => [key, true])));
  return tracked(json) || Object.values(json).some((value) => isObject(value) && tracked(value));
}
