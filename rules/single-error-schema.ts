import type { NodeLocation } from '../src/engine/model/location';
import { defineRule, type RuleContext } from '../src/engine/rule';
import { operationName, type DocumentNode, type ResponseNode } from '../src/engine/walk/nodes';
import { componentName, isErrorResponse, isOAuthError, propertiesOf, responseBodies, responseName } from './lib/errors';
import { isJsonMediaType } from '../src/engine/media-types';
import { isObject } from '../src/engine/model/json';

interface ErrorUse {
  response: ResponseNode;
  /** Which schema: `file#pointer` of a referenced one, the text of an inline one. */
  identity: string;
  /** How a message names it. */
  name: string;
  /** Its identity and those of its `allOf` ancestors. */
  family: Set<string>;
  /** What groups it with others: its property names. */
  key: string;
  names: string[];
}

/**
 * All error responses share one schema. The schema most error responses use (their JSON body,
 * compared by their property names, so identical inline copies count as one) is the document's
 * error schema; a response with another schema is reported, unless one extends the other
 * (or both extend a common base) through `allOf`, or their properties show the same format
 * (see sameCore). Schemas are grouped by their property names, so per-operation copies of one
 * shape count together. OAuth 2.0 token errors (RFC 6749) are left out. Without a clear
 * majority nothing is reported.
 */
export default defineRule({
  meta: {
    id: 'single-error-schema',
    group: 'errors',
    severity: 'warn',
    description: 'All error responses share one error schema.',
    sources: ['Z#176'],
    fix: 'no',
    messages: {
      other:
        '{{response}} uses {{schema}}, not {{majority}} like {{count}} of {{total}} error responses; use one error schema for every error (extending it with allOf is fine)',
    },
  },
  create(context) {
    let document: DocumentNode | undefined;
    const uses: ErrorUse[] = [];
    return {
      Document(node) {
        document = node;
      },
      Response(response) {
        if (!isErrorResponse(response)) return;
        const body = responseBodies(response, context.version, document?.value.produces).find((entry) => entry.mediaType === undefined || isJsonMediaType(entry.mediaType));
        if (!body) return;
        const described = describe(body.schema, body.at, context.resolve);
        if (!described) return;
        const properties = propertiesOf(body.schema, body.at, context.resolve);
        // OAuth 2.0 token errors (RFC 6749 §5.2) have a format of their own, mandated by the standard.
        if (isOAuthError(properties)) return;
        const names = properties.map((property) => property.name).sort();
        // A body with no properties (an empty object, text, a bare list) shows no error format to compare.
        if (names.length === 0) return;
        const key = names.join(',');
        uses.push({ response, ...described, key, names, family: family(body.schema, body.at, context.resolve) });
      },
      'Document:exit'() {
        const groups = new Map<string, ErrorUse[]>();
        for (const use of uses) groups.set(use.key, [...(groups.get(use.key) ?? []), use]);
        const ranked = [...groups.values()].sort((a, b) => b.length - a.length);
        if (ranked.length < 2) return;
        const [top, second] = ranked;
        const count = top.length;
        if (count < 2 || count === second.length) return;
        const majority = top[0];
        const identities = new Set(top.map((use) => use.identity));
        // One schema names itself; several schemas of one shape are named by their properties.
        const majorityName =
          identities.size > 1
            ? `the error shape { ${majority.names.join(', ')} }`
            : majority.name.startsWith('"')
              ? `error schema ${majority.name}`
              : `the inline error schema of ${responseName(majority.response)}`;
        const majorityNames = new Set(majority.names);
        const majorityFamily = new Set(top.flatMap((use) => [...use.family]));
        for (const use of uses) {
          if (use.key === majority.key || [...use.family].some((member) => majorityFamily.has(member))) continue;
          if (sameCore(use.names, majorityNames)) continue;
          context.report({
            messageId: 'other',
            data: { response: responseName(use.response), schema: use.name.startsWith('"') ? `error schema ${use.name}` : 'an inline error schema', majority: majorityName, count, total: uses.length },
            at: use.response.loc,
            part: 'key',
            usedBy: operationName(use.response.operation),
          });
        }
      },
    };
  },
});

type Resolve = RuleContext<unknown>['resolve'];

/**
 * The same format documented with fewer or more members: one property set contains the other
 * (an extension without allOf), or they share a core of at least two members that is half of
 * the smaller set (GitHub's `{ message, documentation_url }` with `errors` or with `url, status`).
 */
function sameCore(names: readonly string[], majority: ReadonlySet<string>): boolean {
  if (names.length === 0 || majority.size === 0) return false;
  const shared = names.filter((name) => majority.has(name)).length;
  if (shared === names.length || shared === majority.size) return true;
  return shared >= 2 && shared * 2 >= Math.min(names.length, majority.size);
}

function describe(schema: unknown, at: NodeLocation, resolve: Resolve): { identity: string; name: string } | undefined {
  const resolved = resolve(schema, at);
  if (!resolved || !isObject(resolved.value)) return undefined;
  // Inline when written in place, even inside a shared component response.
  if (!isObject(schema) || typeof schema.$ref !== 'string') {
    return { identity: `inline:${inlineId(resolved.value)}`, name: 'an inline schema' };
  }
  return { identity: `${resolved.loc.file.path}#${resolved.loc.pointer.join('/')}`, name: `"${componentName(resolved.loc)}"` };
}

/** The schema's identity and those of the schemas it extends through `allOf`, a few levels up. */
function family(schema: unknown, at: NodeLocation, resolve: Resolve): Set<string> {
  const members = new Set<string>();
  const visit = (raw: unknown, loc: NodeLocation, depth: number) => {
    const described = describe(raw, loc, resolve);
    if (!described || members.has(described.identity) || depth > 4) return;
    members.add(described.identity);
    const resolved = resolve(raw, loc)!;
    const allOf = (resolved.value as Record<string, unknown>).allOf;
    if (Array.isArray(allOf)) {
      allOf.forEach((member, index) => {
        // Only named (referenced) bases: an inline allOf member is a local extension, not a base.
        if (isObject(member) && typeof member.$ref === 'string') visit(member, { file: resolved.loc.file, pointer: [...resolved.loc.pointer, 'allOf', String(index)] }, depth + 1);
      });
    }
  };
  visit(schema, at, 0);
  return members;
}

/**
 * Inline schemas are told apart by object identity (never by their text: a YAML alias bomb
 * would expand); copies of one shape are grouped by their property names instead.
 */
const inlineIds = new WeakMap<object, number>();
let nextInlineId = 0;
function inlineId(schema: object): number {
  let id = inlineIds.get(schema);
  if (id === undefined) {
    id = nextInlineId++;
    inlineIds.set(schema, id);
  }
  return id;
}
