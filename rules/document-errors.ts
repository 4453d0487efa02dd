import { defineRule, type FixEdit } from '../src/engine/rule';
import type { NodeLocation } from '../src/engine/model/location';
import { operationName, type OpenApiVersion, type OperationNode } from '../src/engine/walk/nodes';
import { statusClass, statusKeys } from './lib/status';
import { isObject } from '../src/engine/model/json';
import { HEALTH_SEGMENTS } from './lib/words';
import { isHabit } from '../src/engine/habits';

interface Options {
  /** Accept `default` alone as documenting client errors too (the Azure and Google style, one error schema for every failure). */
  defaultCoversClientErrors: boolean;
}


interface Checked {
  operation: OperationNode;
  at: NodeLocation;
  /** No 4xx, and not `default` alone. */
  noClient: boolean;
  /** `default` is the only error response. */
  onlyDefault: boolean;
  /** No `default` and no 5xx. */
  noServer: boolean;
}

/**
 * Each operation documents the errors a client must handle: at least one 4xx (or the `4XX`
 * range) for the client's own mistakes, and `default` or a 5xx for server failures (Zalando
 * #151, Azure). An operation that only documents `default` is reported with its own
 * message (option `defaultCoversClientErrors` accepts it). Health endpoints (`/health`,
 * `/ping`, `/status`, … as the last segment, not under an item `{id}`) are exempt.
 *
 * A gap most operations share (more than half, at least 5 operations: GitHub documents no 5xx anywhere,
 * Stripe only `default`) is a habit of the document: it is reported once, at `paths`, with
 * the count, instead of on every operation; the operations are then reported only for the
 * other gaps. Otherwise each operation is reported at its `responses` key.
 */
export default defineRule<Options>({
  meta: {
    id: 'document-errors',
    group: 'status-codes',
    severity: 'warn',
    description: 'Each operation documents a 4xx response and a default or 5xx response.',
    sources: ['Z#151', 'AZ'],
    fix: 'doc',
    options: {
      schema: { type: 'object', properties: { defaultCoversClientErrors: { type: 'boolean' } } },
      defaults: { defaultCoversClientErrors: false },
    },
    messages: {
      none: '{{operation}} documents no error responses; add the client errors it can return (e.g. 400, 404) and a "default" or 5xx response with the error format',
      noClient: '{{operation}} documents no 4xx response; add the client errors it can return (e.g. 400, 404, 422, or "4XX")',
      onlyDefault: '{{operation}} documents errors only as "default"; list the 4xx codes clients must handle (e.g. 400, 404, 422, or "4XX")',
      noServer: '{{operation}} documents no "default" or 5xx response; add one so clients know what a server failure looks like',
      wideClient: '{{count}} of {{total}} operations document no 4xx response; add the client errors each can return (e.g. 400, 404, 422, or "4XX")',
      wideDefault: '{{count}} of {{total}} operations document errors only as "default"; list the 4xx codes clients must handle (e.g. 400, 404, 422, or "4XX")',
      wideServer: '{{count}} of {{total}} operations document no "default" or 5xx response; add a shared "default" error response so clients know what a server failure looks like',
    },
  },
  create(context) {
    const checked: Checked[] = [];
    return {
      Operation(operation) {
        if (isHealthCheck(operation)) return;
        const { value, loc } = operation;
        const statuses = statusKeys(value);
        const hasClient = statuses.some((status) => statusClass(status) === 4);
        const hasDefault = statuses.includes('default');
        const hasServerCode = statuses.some((status) => statusClass(status) === 5);
        const defaultAlone = hasDefault && !hasServerCode;
        const onlyDefault = !hasClient && defaultAlone && !context.options.defaultCoversClientErrors;
        checked.push({
          operation,
          at: isObject(value.responses) ? { file: loc.file, pointer: [...loc.pointer, 'responses'] } : operation.loc,
          // `default` next to a 5xx stands for the other server errors, not for client errors.
          noClient: !hasClient && !defaultAlone && !(hasDefault && context.options.defaultCoversClientErrors),
          onlyDefault,
          noServer: !hasDefault && !hasServerCode,
        });
      },
      'Document:exit'(document) {
        const total = checked.length;
        const wide = (key: 'noClient' | 'onlyDefault' | 'noServer') => {
          const count = checked.filter((entry) => entry[key]).length;
          // The engine's measure of a habit (src/engine/habits.ts); this rule reports its three gaps
          // itself because one operation's two gaps make one message ("none").
          return isHabit(count, total) ? count : 0;
        };
        const wideCounts = { noClient: wide('noClient'), onlyDefault: wide('onlyDefault'), noServer: wide('noServer') };
        const paths = { file: document.loc.file, pointer: [...document.loc.pointer, 'paths'] };
        const wideMessages = { noClient: 'wideClient', onlyDefault: 'wideDefault', noServer: 'wideServer' } as const;
        for (const key of ['noClient', 'onlyDefault', 'noServer'] as const) {
          if (wideCounts[key]) context.report({ messageId: wideMessages[key], data: { count: wideCounts[key], total }, at: paths, part: 'key' });
        }
        for (const entry of checked) {
          const client = entry.noClient && !wideCounts.noClient;
          const server = entry.noServer && !wideCounts.noServer;
          const onlyDefault = entry.onlyDefault && !wideCounts.onlyDefault;
          const messageId = client && server ? 'none' : client ? 'noClient' : onlyDefault ? 'onlyDefault' : server ? 'noServer' : undefined;
          if (messageId) context.report({ messageId, data: { operation: operationName(entry.operation) }, at: entry.at, part: 'key', fix: placeholders(entry, client || onlyDefault, server, context.version) });
        }
      },
    };
  },
});

/**
 * The fix (offered, `doc`): the missing `4XX` and `default` responses with `TODO` descriptions,
 * since which errors the operation returns is for its implementation to say. Swagger 2.0 has no
 * `4XX` range, so a client gap there gets no fix.
 */
function placeholders(entry: Checked, client: boolean, server: boolean, version: OpenApiVersion): FixEdit[] | undefined {
  if (entry.at.pointer[entry.at.pointer.length - 1] !== 'responses' || (client && version === '2.0')) return undefined;
  const entries: [string, unknown][] = [];
  if (client) entries.push(['4XX', { description: 'TODO: the client errors this operation returns' }]);
  if (server) entries.push(['default', { description: 'TODO: the error response for a server failure' }]);
  return [{ into: entry.at, entries }];
}

function isHealthCheck(operation: OperationNode): boolean {
  const { segments } = operation.pathItem;
  const last = segments[segments.length - 1];
  if (!last || last.kind !== 'literal' || !HEALTH_SEGMENTS.has(last.text.toLowerCase())) return false;
  const previous = segments[segments.length - 2];
  return !previous || previous.kind === 'literal';
}
