import { defineRule } from '../src/engine/rule';
import { serverBasePath, type PathSegment } from '../src/engine/model/path';
import type { NodeLocation } from '../src/engine/model/location';
import { namingAdvice } from './lib/naming-advice';
import { singularCollections } from './lib/plural-segments';

export interface PluralCollectionsOptions {
  /** More words (or whole segments) that are fine in the singular: singletons, uncountables, product names. */
  allow: string[];
}

/**
 * A segment followed by `{param}` names a collection, and collections are plural:
 * `/user/{id}` should be `/users/{id}`. The word judged is the segment's head noun (its last
 * word, or the word before a preposition: `codes_of_conduct`), and the rule asks "plural or
 * uncountable", never "not singular". Singletons, uncountables, acronyms, versions and
 * namespaces are allowed, and so is a singular that the parameter does not identify
 * (`/tarball/{ref}`, `/schema-registry/{subject_name}`).
 */
export default defineRule<PluralCollectionsOptions>({
  meta: {
    id: 'plural-collections',
    group: 'naming',
    severity: 'warn',
    description: 'A segment that names a collection (followed by `{id}`) is a plural noun.',
    sources: ['course', 'Z#134', 'AIP-122'],
    fix: 'no',
    options: {
      schema: {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string', minLength: 1 } } },
      },
      defaults: { allow: [] },
    },
    messages: {
      singular: '"{{path}}": segment "{{segment}}" names a collection (it is followed by "{{param}}") but is not plural; use a plural noun, e.g. "{{suggestion}}"',
    },
  },
  create(context) {
    const advice = namingAdvice(context);
    const check = (path: string, segments: PathSegment[], at: NodeLocation, part: 'key' | 'value', text: string, base: number) => {
      for (const [segment, plural] of singularCollections(segments, context.options.allow)) {
        // The plural written as the case rules would have the name, so that their suggestions agree.
        const name = segment.kind === 'literal' ? segment.name : segment.text;
        const start = segment.start - base;
        const suggestion = path.slice(0, start) + advice.written(plural.name) + path.slice(start + name.length);
        const next = segments[segments.indexOf(segment) + 1];
        context.report({
          messageId: 'singular',
          data: { path, segment: segment.text, param: next?.text ?? '', suggestion },
          at,
          part,
          within: { text, start: segment.start, end: segment.start + segment.text.length },
        });
      }
    };

    return {
      PathItem(item) {
        check(item.path, item.segments, item.loc, 'key', item.path, 0);
      },
      Server(server) {
        check(server.basePath, server.segments, server.loc, 'value', server.url, serverBasePath(server.url).offset);
      },
    };
  },
});
