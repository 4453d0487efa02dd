import { defineRule } from '../src/engine/rule';
import { childLocation, type NodeLocation } from '../src/engine/model/location';
import { operationName, type OperationNode, type PathItemNode } from '../src/engine/walk/nodes';
import { isApiVersionQueryName, isGenericVersionQuery, isUnversionedByConvention } from './lib/versions';

interface Options {
  /** Accept Azure's `api-version` query parameter (the Azure profile sets this). */
  allowApiVersion: boolean;
}

/**
 * A version in the query string (`?api-version=2024-01-01`, `?version=2`) is the simplest
 * strategy, and the course's caveat is caching: many caches and CDNs do not store, or
 * ignore, URLs with a query string, and the version is easy to drop when a URL is rebuilt.
 * `api-version` is always a version; `version` only when at least two operations and half
 * of them take it (on a few operations it is a resource's own version, a file version), and
 * `v` only when it is also documented as a version.
 * Reported at the parameter, once for a shared component.
 */
export default defineRule<Options>({
  meta: {
    id: 'query-versioning-discouraged',
    group: 'versioning',
    severity: 'info',
    description: 'A version in a query parameter makes caching harder; prefer the URI or a header.',
    sources: ['course'],
    fix: 'no',
    options: {
      schema: { type: 'object', properties: { allowApiVersion: { type: 'boolean' } } },
      defaults: { allowApiVersion: false },
    },
    messages: {
      query: 'query parameter "{{name}}" selects the API version, which makes responses harder to cache (many caches skip or ignore URLs with a query string); put the major version in the URI ("/v1") or a header ("Api-Version")',
    },
  },
  create(context) {
    const found: { name: string; at: NodeLocation; owner: OperationNode | PathItemNode; generic: boolean }[] = [];
    return {
      Parameter(parameter) {
        if (parameter.in !== 'query') return;
        const api = isApiVersionQueryName(parameter.name);
        if (api && context.options.allowApiVersion) return;
        if (!api && !isGenericVersionQuery(parameter.name, parameter.value, context.version === '2.0' ? parameter.value : parameter.value.schema)) return;
        found.push({ name: parameter.name, at: childLocation(parameter.loc, 'name'), owner: parameter.owner, generic: !api });
      },
      'Document:exit'(document) {
        const operations = document.pathItems.flatMap((item) => item.operations).filter((operation) => !isUnversionedByConvention(operation.pathItem.path));
        const usersOf = (owner: OperationNode | PathItemNode) => (owner.kind === 'Operation' ? [owner] : owner.operations);
        const genericUsers = new Set(found.filter((entry) => entry.generic).flatMap((entry) => usersOf(entry.owner)));
        const genericIsVersion = genericUsers.size >= 2 && genericUsers.size * 2 >= operations.length;
        for (const entry of found) {
          if (entry.generic && !genericIsVersion) continue;
          for (const operation of usersOf(entry.owner)) {
            context.report({ messageId: 'query', data: { name: entry.name }, at: entry.at, within: { text: entry.name, start: 0, end: entry.name.length }, usedBy: operationName(operation) });
          }
        }
      },
    };
  },
});
