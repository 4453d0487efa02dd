import { defineRule } from '../src/engine/rule';
import { operationName, type PathItemNode } from '../src/engine/walk/nodes';
import { collectVersionSignals, isUnversionedByConvention, segmentVersion, STRATEGIES, type OperationVersions, type Strategy } from './lib/versions';
import { atApi, LIVE_STRATEGIES, requestVersion, type LiveStrategy } from './lib/live-versions';
import { requestLine } from '../src/engine/live/text';
import type { Exchange } from '../src/engine/live/types';

/** Live strategies as messages name them. */
const LIVE_NAMES: Record<LiveStrategy, string> = {
  uri: 'a version in the path',
  header: 'a version header',
  query: 'a version query parameter',
  'media-type': 'a versioned media type',
};

const NAMES: Record<Strategy, string> = {
  uri: 'a version in the URI',
  subdomain: 'a version in the host',
  header: 'a version header',
  'media-type': 'a versioned media type',
  query: 'a version query parameter',
};

/**
 * One versioning strategy, used by every operation, and one major version per document.
 * The strategy most operations use is the document's; operations without it are reported
 * (a path outside `/v1` while the other paths are under it), and so are operations of a
 * second major version (`/v1/…` next to `/v2/…`). A version in a server URL covers every
 * operation that server applies to. When fewer than half of the operations are versioned,
 * api-versioned reports the document instead. OAuth, well-known and health endpoints are
 * unversioned by convention and left out.
 *
 * Live: the documented requests answered 2xx (one per operation) carry their versions in more
 * than one way (a path segment on some, a header on others, or none on some), or name more
 * than one major version in their paths (`/v1/…` and `/v2/…`, two dates): reported once at the
 * API. Only what the request carries counts: a version the response names is not a strategy
 * the client chose.
 */
export default defineRule({
  meta: {
    id: 'one-version-strategy',
    group: 'versioning',
    severity: 'warn',
    description: 'One versioning strategy, used by every operation, and one major version per document.',
    sources: ['course', 'AIP-185'],
    fix: 'no',
    messages: {
      unversionedPath: '"{{path}}" documents no version, while {{count}} of {{total}} operations carry {{strategy}} (e.g. {{example}}); version it the same way',
      unversionedOperation: '{{operation}} documents no version, while {{count}} of {{total}} operations carry {{strategy}} (e.g. {{example}}); version it the same way',
      otherStrategyPath: '"{{path}}" is versioned by {{its}}, while {{count}} of {{total}} operations carry {{strategy}} (e.g. {{example}}); use one versioning strategy in the whole API',
      otherStrategy: '{{operation}} is versioned by {{its}}, while {{count}} of {{total}} operations carry {{strategy}} (e.g. {{example}}); use one versioning strategy in the whole API',
      otherMajor: '"{{path}}" is in version {{major}}, while {{count}} of {{total}} versioned operations are in {{main}}; describe one major version per document (move {{major}} to a document of its own)',
      liveStrategies: 'the successful requests carry their version in more than one way: {{ways}}; use one versioning strategy in the whole API',
      liveMajors: 'the successful requests name more than one major version in their paths: {{majors}}; describe one major version per document',
    },
  },
  create(context) {
    const signals = collectVersionSignals(context.version);
    return {
      ...signals.visitors,
      'Document:exit'() {
        const operations = signals.result().filter((entry) => !isUnversionedByConvention(entry.operation.pathItem.path));
        const total = operations.length;
        const versioned = operations.filter((entry) => entry.strategies.size > 0);
        if (total === 0 || versioned.length * 2 < total) return;

        // The document's strategy: the one most operations use (ties go to the course's order).
        let main: Strategy = 'uri';
        let count = -1;
        for (const strategy of STRATEGIES) {
          const using = operations.filter((entry) => entry.strategies.has(strategy)).length;
          if (using > count) [main, count] = [strategy, using];
        }
        const example = operations.find((entry) => entry.strategies.has(main))!;
        const exampleText = main === 'uri' || main === 'subdomain' ? `"${example.operation.pathItem.path}"` : operationName(example.operation);
        const base = { count, total, strategy: NAMES[main] };

        const lacking = operations.filter((entry) => !entry.strategies.has(main) && !(main === 'media-type' && !entry.hasContent));
        const signature = (entry: OperationVersions) => STRATEGIES.filter((strategy) => entry.strategies.has(strategy)).map((strategy) => NAMES[strategy]).join(' and ');
        const byPath = new Map<PathItemNode, OperationVersions[]>();
        for (const entry of lacking) {
          const list = byPath.get(entry.operation.pathItem) ?? [];
          list.push(entry);
          byPath.set(entry.operation.pathItem, list);
        }
        for (const [item, entries] of byPath) {
          // A URI belongs to the path: when every operation of the path is in the same case,
          // and the version is (or should be) in the URI, the path is reported once.
          const its = signature(entries[0]);
          const uriCase = main === 'uri' || main === 'subdomain' || entries[0].strategies.has('uri') || entries[0].strategies.has('subdomain');
          const pathHasMain = operations.some((entry) => entry.operation.pathItem === item && entry.strategies.has(main));
          if (uriCase && !pathHasMain && entries.every((entry) => signature(entry) === its)) {
            const data = { ...base, example: exampleText, path: item.path, its };
            context.report({ messageId: its ? 'otherStrategyPath' : 'unversionedPath', data, at: item.loc, part: 'key' });
            continue;
          }
          for (const entry of entries) {
            const data = { ...base, example: exampleText, operation: operationName(entry.operation), its: signature(entry) };
            context.report({ messageId: data.its ? 'otherStrategy' : 'unversionedOperation', data, at: entry.operation.keyLoc, part: 'key' });
          }
        }
        reportOtherMajors(operations);
      },
    };

    /** Operations in a second major version: reported on the path key, at the version segment when it is there. */
    function reportOtherMajors(operations: OperationVersions[]): void {
      const byMajor = new Map<string, OperationVersions[]>();
      for (const entry of operations) {
        const major = entry.majors[0];
        if (!major) continue;
        const list = byMajor.get(major) ?? [];
        list.push(entry);
        byMajor.set(major, list);
      }
      if (byMajor.size < 2) return;
      const [main, mainOperations] = [...byMajor].reduce((best, next) => (next[1].length > best[1].length ? next : best));
      const total = [...byMajor.values()].reduce((sum, list) => sum + list.length, 0);
      const reported = new Set<PathItemNode>();
      for (const [major, list] of byMajor) {
        if (major === main) continue;
        for (const { operation, majorInPath } of list) {
          const item = operation.pathItem;
          if (reported.has(item)) continue;
          reported.add(item);
          const data = { path: item.path, major, main, count: mainOperations.length, total };
          const segment = majorInPath ? item.segments.find((part) => part.kind === 'literal' && segmentVersion(part.text)?.major === major) : undefined;
          const within = segment ? { text: item.path, start: segment.start, end: segment.end } : undefined;
          context.report({ messageId: 'otherMajor', data, at: item.loc, part: 'key', within });
        }
      }
    }
  },
  live(context) {
    /** The first documented request answered 2xx, per operation. */
    const byOperation = new Map<string, Exchange>();
    return {
      exchange(exchange) {
        const { request, response } = exchange;
        if (!response || request.purpose !== 'valid' || response.status < 200 || response.status >= 300) return;
        if (!request.operation || isUnversionedByConvention(request.operation.path) || byOperation.has(request.operation.name)) return;
        byOperation.set(request.operation.name, exchange);
      },
      end() {
        const exchanges = [...byOperation.values()];
        if (exchanges.length === 0) return;
        const ways = new Map<string, Exchange[]>();
        const majors = new Map<string, Exchange[]>();
        for (const exchange of exchanges) {
          const { strategies, major } = requestVersion(exchange.request);
          const way = LIVE_STRATEGIES.filter((strategy) => strategies.has(strategy)).map((strategy) => LIVE_NAMES[strategy]).join(' and ') || 'no version';
          add(ways, way, exchange);
          if (major) add(majors, major, exchange);
        }
        const describe = (groups: Map<string, Exchange[]>) =>
          [...groups]
            .sort((a, b) => b[1].length - a[1].length)
            .map(([name, list]) => `${name} on ${list.length} (e.g. ${requestLine(list[0].request)})`)
            .join(', ');
        if (ways.size > 1) {
          const evidence = [...ways.values()].sort((a, b) => a.length - b.length)[0][0];
          context.report({ messageId: 'liveStrategies', data: { ways: describe(ways) }, exchange: atApi(evidence) });
        }
        if (majors.size > 1) {
          const evidence = [...majors.values()].sort((a, b) => a.length - b.length)[0][0];
          context.report({ messageId: 'liveMajors', data: { majors: describe(majors) }, exchange: atApi(evidence) });
        }
      },
    };
  },
});

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
