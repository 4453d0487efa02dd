import { defineRule } from '../src/engine/rule';
import { operationName, type PathItemNode } from '../src/engine/walk/nodes';
import { collectVersionSignals, isUnversionedByConvention, segmentVersion, STRATEGIES, type OperationVersions, type Strategy } from './lib/versions';

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
});

