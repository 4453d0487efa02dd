import { defineRule } from '../src/engine/rule';
import { eachUriPath } from './lib/uri-paths';
import { segmentVersion } from './lib/versions';

/**
 * A version in a URI is a whole segment naming the major version only: `v1`, `v2beta`,
 * `v1alpha2` (AIP-185). `v1.2`, `v1_0`, `2.0` put a minor version in the URI, so every
 * compatible change would move every URL; `version1` spells the marker out. Date versions
 * (`/2010-04-01`, Twilio) name a release line of their own and are accepted. Only whole
 * segments are read: `ipv4-ranges`, `oauth2`, `s3`, `dev2` are not versions.
 */
export default defineRule({
  meta: {
    id: 'version-format',
    group: 'versioning',
    severity: 'warn',
    description: 'A version in the URI is a whole segment naming the major version only (v1, v2beta).',
    sources: ['AIP-185'],
    fix: 'no',
    messages: {
      minor: '"{{path}}": version segment "{{segment}}" includes a minor version; put only the major version in the URI ("{{suggestion}}") and make minor changes backward compatible',
      spelled: '"{{path}}": version segment "{{segment}}" is not in the usual form; write the major version as "{{suggestion}}"',
    },
  },
  create(context) {
    return eachUriPath((uri) => {
      for (const segment of uri.segments) {
        if (segment.kind !== 'literal' || segment.customMethod) continue;
        const version = segmentVersion(segment.text);
        if (!version || version.kind !== 'minor') continue;
        const messageId = /^ver/i.test(segment.text) ? 'spelled' : 'minor';
        context.report({
          messageId,
          data: { path: uri.path, segment: segment.text, suggestion: version.suggestion },
          at: uri.at,
          part: uri.part,
          within: { text: uri.text, start: segment.start, end: segment.end },
        });
      }
    });
  },
});
