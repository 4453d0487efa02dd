/**
 * The document's error schemas, as single-error-schema judges them and error-format reads them:
 * every error response's JSON body, grouped by its property names (identical inline copies count
 * as one), the group most error responses use (the document's own error schema) and the
 * responses whose schema is another one. One analysis, so that the two rules never disagree
 * about what the document's error schema is.
 */
import type { NodeLocation } from '../../src/engine/model/location';
import type { RuleContext } from '../../src/engine/rule';
import type { ResponseNode } from '../../src/engine/walk/nodes';
import { componentName, isErrorResponse, isOAuthError, propertiesOf, responseBodies, responseName } from './errors';
import { isJsonMediaType } from '../../src/engine/media-types';
import { isObject } from '../../src/engine/model/json';

type Resolve = RuleContext<unknown>['resolve'];

export interface ErrorUse {
  response: ResponseNode;
  /** The body's media type (undefined: a 2.0 schema with no `produces`). */
  mediaType: string | undefined;
  /** Where the schema is: the component a `$ref` leads to, or the inline schema. */
  schemaAt: NodeLocation;
  /** Which schema: `file#pointer` of a referenced one, the identity of an inline one. */
  identity: string;
  /** How a message names it. */
  name: string;
  /** Its identity and those of its `allOf` ancestors. */
  family: Set<string>;
  /** What groups it with others: its property names. */
  key: string;
  names: string[];
}

/** What the error responses of a document show, once they are all collected. */
export interface ErrorSchemaAnalysis {
  uses: readonly ErrorUse[];
  /** The uses of the most common schema, when one group is larger than every other (and has two uses or more). */
  majority?: readonly ErrorUse[];
  /** How messages name the majority: `error schema "Error"`, `the error shape { code, message }`. */
  majorityName?: string;
  /** The uses of another schema, neither an extension of the majority's nor the same format with fewer or more members. */
  others: readonly ErrorUse[];
  /** The number of distinct groups (by property names). */
  groups: number;
}

/**
 * Collects the error responses' JSON bodies during a walk (`add` from a Response visitor) and
 * analyses them at the document's end. OAuth 2.0 token errors (RFC 6749) and bodies without
 * properties (an empty object, text, a bare list) are left out: they show no format to compare.
 */
export class ErrorSchemas {
  private readonly uses: ErrorUse[] = [];

  constructor(private readonly resolve: Resolve) {}

  add(response: ResponseNode, version: string, documentProduces: unknown): void {
    if (!isErrorResponse(response)) return;
    const body = responseBodies(response, version, documentProduces).find((entry) => entry.mediaType === undefined || isJsonMediaType(entry.mediaType));
    if (!body) return;
    const described = describe(body.schema, body.at, this.resolve);
    if (!described) return;
    const properties = propertiesOf(body.schema, body.at, this.resolve);
    // OAuth 2.0 token errors (RFC 6749 §5.2) have a format of their own, mandated by the standard.
    if (isOAuthError(properties)) return;
    const names = properties.map((property) => property.name).sort();
    if (names.length === 0) return;
    this.uses.push({ response, mediaType: body.mediaType, ...described, key: names.join(','), names, family: family(body.schema, body.at, this.resolve) });
  }

  analyse(): ErrorSchemaAnalysis {
    const uses = this.uses;
    const byKey = new Map<string, ErrorUse[]>();
    for (const use of uses) byKey.set(use.key, [...(byKey.get(use.key) ?? []), use]);
    const ranked = [...byKey.values()].sort((a, b) => b.length - a.length);
    const [top, second] = ranked;
    if (!top || top.length < 2 || (second && top.length === second.length)) return { uses, others: [], groups: ranked.length };
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
    const others = uses.filter(
      (use) => use.key !== majority.key && ![...use.family].some((member) => majorityFamily.has(member)) && !sameCore(use.names, majorityNames),
    );
    return { uses, majority: top, majorityName, others, groups: ranked.length };
  }
}

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

function describe(schema: unknown, at: NodeLocation, resolve: Resolve): { identity: string; name: string; schemaAt: NodeLocation } | undefined {
  const resolved = resolve(schema, at);
  if (!resolved || !isObject(resolved.value)) return undefined;
  // Inline when written in place, even inside a shared component response.
  if (!isObject(schema) || typeof schema.$ref !== 'string') {
    return { identity: `inline:${inlineId(resolved.value)}`, name: 'an inline schema', schemaAt: resolved.loc };
  }
  return { identity: `${resolved.loc.file.path}#${resolved.loc.pointer.join('/')}`, name: `"${componentName(resolved.loc)}"`, schemaAt: resolved.loc };
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
