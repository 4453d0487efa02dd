import { defineRule } from '../src/engine/rule';
import { normalizePath, type PathSegment } from '../src/engine/model/path';
import { continuesKey, isExtensionParam, isIdentifier, isVersionParam, withoutCustomMethod } from './lib/path-shape';

const PARAM = /\{[^{}/]*\}/g;

/**
 * Collections and identifiers alternate: `/users/{userId}/orders/{orderId}`. Flags a path that
 * starts with an identifier, an identifier of one thing right after the identifier of another
 * (`/users/{userId}/{orderId}`: the `orders` collection is missing), and an identifier glued
 * to literal text (`user{id}`, `{id}.json`). Fine: singleton sub-resources and namespaces
 * (two literals in a row), version parameters (`/{apiVersion}/users`), a custom method
 * (`{id}:cancel`), a parameter used as a file extension (`thumbnail.{format}`,
 * no-file-extension's business), and compound keys (Z#143), in one segment (`{from},{to}`,
 * `{base}...{head}`) or spread over several (`/repos/{owner}/{repo}`,
 * `/packages/{package_type}/{package_name}`, `/stats/{year}/{month}`).
 *
 * Each offending prefix is reported once, at the first path that has it: `/repos/{owner}/{repo}`
 * is one design decision however many paths sit below it.
 */
export default defineRule({
  meta: {
    id: 'path-id-alternation',
    group: 'naming',
    severity: 'warn',
    description: 'Path segments alternate between collections and identifiers.',
    sources: ['AIP-122', 'Z#143'],
    fix: 'no',
    messages: {
      leadingParam: '"{{prefix}}" starts with the parameter "{{segment}}"; put the collection it identifies in front of it',
      consecutiveParams: '"{{prefix}}": "{{segment}}" directly follows "{{previous}}" with no collection between them; insert the collection "{{segment}}" belongs to',
      mixedSegment: '"{{prefix}}": segment "{{segment}}" glues a parameter to literal text; give the identifier a segment of its own',
    },
  },
  create(context) {
    const reported = new Set<string>();
    return {
      PathItem(item) {
        const segments = item.segments;
        const report = (messageId: string, index: number, data: Record<string, string>) => {
          const segment = segments[index];
          const prefix = item.path.slice(0, segment.end);
          const key = `${messageId}\0${normalizePath(prefix)}`;
          if (reported.has(key)) return;
          reported.add(key);
          context.report({
            messageId,
            data: { prefix, segment: segment.text, ...data },
            at: item.loc,
            part: 'key',
            within: { text: item.path, start: segment.start, end: segment.end },
          });
        };
        // A version parameter in front (`/{apiVersion}/…`) is a namespace, like `/v1`.
        let first = 0;
        while (first < segments.length && isVersionSegment(segments[first])) first++;
        if (first < segments.length && isIdentifier(segments[first])) report('leadingParam', first, {});
        segments.forEach((segment, index) => {
          if (index > first && isIdentifier(segment) && isIdentifier(segments[index - 1]) && !continuesKey(segments, index)) {
            report('consecutiveParams', index, { previous: segments[index - 1].text });
          }
          if (segment.kind === 'mixed' && gluesIdentifier(segment)) report('mixedSegment', index, {});
        });
      },
    };
  },
});

function isVersionSegment(segment: PathSegment): boolean {
  return segment.kind === 'param' && isVersionParam(segment.params[0]);
}

/** `user{id}`, `{id}.json`: an identifier with literal words around it. */
function gluesIdentifier(segment: PathSegment): boolean {
  const text = withoutCustomMethod(segment);
  if (!/[A-Za-z0-9]/.test(text.replace(PARAM, ''))) return false; // a compound key: `{a},{b}`
  if (segment.params.every(isVersionParam)) return false; // `v{version}`
  if (isExtensionParam(segment)) return false; // `thumbnail.{format}`
  return true;
}
