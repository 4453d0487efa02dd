import { defineRule } from '../src/engine/rule';
import type { PathSegment } from '../src/engine/model/path';
import { continuesKey, isExtensionParam, isIdentifier, isVersionParam } from './lib/path-shape';

interface Options {
  /** The most identifier levels a path may have. */
  max: number;
}

/**
 * `/users/{u}/orders/{o}/items/{i}/notes/{n}`: each identifier is one more level of
 * sub-resource. Levels are counted in the path key only (not the server base path). A
 * version parameter or a parameter extension (`thumbnail.{format}`) is not a level, and
 * parameters in a row that form a compound key (`/repos/{owner}/{repo}`) are one level;
 * path-id-alternation's reading decides which do.
 */
export default defineRule<Options>({
  meta: {
    id: 'max-nesting',
    group: 'naming',
    severity: 'warn',
    description: 'Paths nest at most three levels of sub-resources.',
    sources: ['Z#147', 'MSW'],
    fix: 'no',
    options: {
      schema: {
        type: 'object',
        properties: { max: { type: 'integer', minimum: 1 } },
      },
      defaults: { max: 3 },
    },
    messages: {
      deep: '"{{path}}" nests {{depth}} levels of sub-resources, more than {{max}}; address "{{deepest}}" from a shallower path, such as a top-level collection',
    },
  },
  create(context) {
    const { max } = context.options;
    return {
      PathItem(item) {
        const segments = item.segments;
        let depth = 0;
        let excessFrom: PathSegment | undefined;
        let deepest = '';
        segments.forEach((segment, index) => {
          if (!startsLevel(segments, index)) return;
          depth++;
          deepest = segment.text;
          if (depth === max + 1) excessFrom = segments[index - 1] && segments[index - 1].kind === 'literal' ? segments[index - 1] : segment;
        });
        if (depth <= max || !excessFrom) return;
        const last = segments[segments.length - 1];
        context.report({
          messageId: 'deep',
          data: { path: item.path, depth, max, deepest },
          at: item.loc,
          part: 'key',
          within: { text: item.path, start: excessFrom.start, end: last.end },
        });
      },
    };
  },
});

/**
 * Whether the segment at `index` is one more level: an identifier after a literal, or after
 * another identifier when it does not continue that one's compound key (`/users/{userId}/{orderId}`).
 */
function startsLevel(segments: PathSegment[], index: number): boolean {
  const segment = segments[index];
  const previous = segments[index - 1];
  if (!isLevel(segment)) return false;
  if (!previous || !isLevel(previous)) return true;
  return isIdentifier(segment) && isIdentifier(previous) && !continuesKey(segments, index);
}

/** A segment holding an identifier: `{id}`, `{id}:cancel`, `{Sid}.json`; not `{apiVersion}` or `thumbnail.{format}`. */
function isLevel(segment: PathSegment): boolean {
  return segment.params.length > 0 && !segment.params.every(isVersionParam) && !isExtensionParam(segment);
}
