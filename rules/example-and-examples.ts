import { isObject } from '../src/engine/model/json';
import { childLocation, type NodeLocation } from '../src/engine/model/location';
import { defineRule } from '../src/engine/rule';

type Json = Record<string, unknown>;

/**
 * OpenAPI 3.x: a Media Type's, Parameter's or Header's `example` and `examples` are
 * "mutually exclusive". Reported at the key written second, which is the one to reconsider.
 */
export default defineRule({
  meta: {
    id: 'example-and-examples',
    group: 'correctness',
    severity: 'error',
    description: 'A media type, parameter or header has either example or examples, not both.',
    sources: ['OpenAPI 3.1 §4.8.14', 'OpenAPI 3.1 §4.8.12'],
    fix: 'no',
    messages: {
      both: '{{what}} has both example and examples, which OpenAPI says are mutually exclusive: keep one (examples holds several named ones)',
    },
  },
  create(context) {
    const seen = new WeakSet<object>();
    const check = (value: Json, loc: NodeLocation, what: string) => {
      if (seen.has(value)) return;
      seen.add(value);
      if ('example' in value && 'examples' in value) {
        // Object keys keep the order they are written in: the later of the two is the second.
        const second = Object.keys(value).find((key) => key === 'example' || key === 'examples') === 'example' ? 'examples' : 'example';
        context.report({ messageId: 'both', data: { what }, at: childLocation(loc, second), part: 'key' });
      }
      // A parameter's or header's `content` holds media types the walker does not visit.
      if (isObject(value.content) && !what.startsWith('media type')) {
        for (const name of Object.keys(value.content)) {
          const media = value.content[name];
          if (isObject(media)) check(media, childLocation(loc, 'content', name), `media type "${name}" of ${what}`);
        }
      }
    };
    if (context.version === '2.0') return {};
    return {
      MediaType(node) {
        check(node.value, node.loc, `media type "${node.mediaType}"`);
      },
      Parameter(node) {
        check(node.value, node.loc, `parameter "${node.name}"`);
      },
      Header(node) {
        check(node.value, node.loc, `header "${node.name}"`);
      },
    };
  },
});
