import { defineRule, type Report } from '../src/engine/rule';
import { childLocation, encodePointer, type NodeLocation } from '../src/engine/model/location';
import { operationName } from '../src/engine/walk/nodes';
import { isObject } from '../src/engine/model/json';
import { PAGING_PARAMETERS, REPORT_TOKENS, REFERENCE_TOKENS } from './lib/words';
import { is2xxStatusKey } from '../src/engine/status-ranges';

type Json = Record<string, unknown>;

interface Options {
  /** An array schema with `maxItems` at most this is a small fixed list, not a collection to page. */
  maxFixedItems: number;
}

const BOUNDED = /\b(?:top|up to|at most|a maximum of|the (?:last|first|latest|most recent)) (\d+)(?![\d,.-])(?!\s*(?:per\b|(?:second|minute|hour|day|week|month|year|byte|kb|mb|gb|megabyte|gigabyte|kilobyte|character|char)s?\b))(?!\s+\S+\s+\[?per page)/i;
const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * A collection GET (a path whose last segment is a literal, as `/users` or
 * `/users/{id}/orders`) returns an object that holds the page of items and the paging state,
 * not a bare JSON array: a bare array cannot carry a next-page cursor or a total, and adding
 * either later breaks every client. The rule reads the 2xx JSON response schemas (following
 * `$ref`s; a shared schema or response is reported once, at the component).
 *
 * Exempt:
 * - small fixed lists: an array with `maxItems` at most `maxFixedItems`, items that are an
 *   `enum` or plain values (strings, numbers, booleans: names and flags, not resources) or rows
 *   of a series (arrays), and operations whose description bounds the list ("the top 10");
 * - reports and reference lists, by their path: a segment with the word `stats`, `summary`,
 *   `overview`, `analytics`, `metrics`, `insights` or `top`, a last segment ending in
 *   `History` or starting with `by` (Meraki's `byInterval`), or naming a reference list
 *   (`types`, `kinds`, `regions`, `locales`, `languages`, `currencies`, `countries`, `timezones`);
 * - custom methods (`/users:batchGet`);
 * - GitHub-style paging: paging query parameters (`page`, `per_page`, `cursor`, `limit`, …)
 *   with a `Link` response header (RFC 8288) carrying the next and previous page links. The
 *   array is then one page, and the paging state travels in the header. Once one collection
 *   GET of the document shows this convention, every paged one is taken to follow it (GitHub's
 *   spec declares `Link` on only some of its paged lists).
 *
 * An operation written as a `$ref` to another file (DigitalOcean) is read through the reference.
 */
export default defineRule<Options>({
  meta: {
    id: 'paginate-collections',
    group: 'security',
    severity: 'warn',
    description: 'Collection GETs are paged and return an object, not a bare array.',
    sources: ['Z#159', 'AIP-158', 'AZ'],
    fix: 'no',
    options: {
      schema: { type: 'object', properties: { maxFixedItems: { type: 'integer', minimum: 0 } } },
      defaults: { maxFixedItems: 100 },
    },
    messages: {
      inline:
        '{{operation}}: {{status}} response is a bare array; return an object that holds the items and the paging state (e.g. "items" and "next_cursor") so the collection can be paged and extended, or declare "maxItems" if the list is small and fixed',
      shared:
        '"{{ref}}" is a bare array returned by a collection GET; return an object that holds the items and the paging state (e.g. "items" and "next_cursor") so the collection can be paged and extended, or declare "maxItems" if the list is small and fixed',
    },
  },
  create(context) {
    /** "the top 10 popular contents", "up to 25 recent events": a small list by definition. */
    const boundedByDescription = (text: unknown): boolean => {
      if (typeof text !== 'string') return false;
      const match = BOUNDED.exec(text);
      return match !== null && Number(match[1]) <= context.options.maxFixedItems;
    };
    const resolve = (value: unknown, at: NodeLocation) => context.resolve(value, at);

    /** A top-level array schema that is not a small fixed list. */
    const isBareArray = (schema: Json, at: NodeLocation): boolean => {
      const type = schema.type;
      // Without a `type`, an `items` object still makes an array; an `items` list (draft-4 tuples,
      // or Slack's list of alternatives) does not say what the top level is.
      const array = type === 'array' || (Array.isArray(type) && type.includes('array') && !type.includes('object')) || (type === undefined && isObject(schema.items));
      if (!array) return false;
      if (typeof schema.maxItems === 'number' && schema.maxItems <= context.options.maxFixedItems) return false;
      const items = schema.items !== undefined ? resolve(schema.items, childLocation(at, 'items'))?.value : undefined;
      if (!isObject(items)) return true;
      // A fixed enumeration, or a list of plain values (names, flags per id asked about as in
      // Spotify's `/me/tracks/contains`): not a collection of resources.
      if (Array.isArray(items.enum) || items.const !== undefined) return false;
      // Rows of a data series (`[[timestamp, count], …]`) are not resources either.
      const types = (Array.isArray(items.type) ? items.type : [items.type]).filter((type) => type !== 'null');
      return !(types.length > 0 && types.every((type) => typeof type === 'string' && (SCALAR_TYPES.has(type) || type === 'array')));
    };

    /** Bare arrays found, reported at the end: the document's paging convention is known only then. */
    const pending: { report: Report; pagedByParameters: boolean }[] = [];
    /** Some collection GET pages with parameters and a `Link` header: the document's convention (GitHub's). */
    let linkPaging = false;

    return {
      'Document:exit'() {
        for (const { report, pagedByParameters } of pending) {
          // A document that shows Link-header paging uses it on its paged lists even where one
          // response forgets to declare the header (GitHub's spec does, on many).
          if (pagedByParameters && linkPaging) continue;
          context.report(report);
        }
      },
      Operation(operation) {
        if (operation.method !== 'get') return;
        const segments = operation.pathItem.segments;
        const last = segments.at(-1);
        if (!last || last.kind !== 'literal' || last.customMethod !== undefined) return;
        if (isReportOrReferenceList(segments.filter((segment) => segment.kind === 'literal').map((segment) => segment.name))) return;
        const { value, loc } = operation;
        if (!isObject(value.responses)) return;
        if (boundedByDescription(value.summary) || boundedByDescription(value.description)) return;

        const parameterNames: string[] = [];
        for (const [list, listLoc] of [
          [operation.pathItem.value.parameters, childLocation(operation.pathItem.valueLoc, 'parameters')],
          [value.parameters, childLocation(loc, 'parameters')],
        ] as const) {
          if (!Array.isArray(list)) continue;
          list.forEach((raw, index) => {
            const parameter = resolve(raw, childLocation(listLoc, String(index)))?.value;
            if (isObject(parameter) && parameter.in === 'query' && typeof parameter.name === 'string') parameterNames.push(parameter.name);
          });
        }
        const pagedByParameters = parameterNames.some((name) => PAGING_PARAMETERS.has(name.toLowerCase().replace(/[-_$]/g, '')));

        for (const status of Object.keys(value.responses)) {
          if (!is2xxStatusKey(status)) continue;
          const responseAt = childLocation(loc, 'responses', status);
          const response = resolve(value.responses[status], responseAt);
          if (!response || !isObject(response.value)) continue;
          const linked = isObject(response.value.headers) && Object.keys(response.value.headers).some((name) => name.toLowerCase() === 'link');
          if (pagedByParameters && linked) {
            linkPaging = true;
            continue;
          }

          // The schemas to read: 2.0 `schema`; 3.x the JSON (or any) media types' schemas.
          const candidates: { raw: unknown; at: NodeLocation }[] = [];
          if (context.version === '2.0') {
            if (response.value.schema !== undefined) candidates.push({ raw: response.value.schema, at: childLocation(response.loc, 'schema') });
          } else if (isObject(response.value.content)) {
            for (const mediaType of Object.keys(response.value.content)) {
              if (!/json|^\*\/\*$/i.test(mediaType)) continue;
              const media = response.value.content[mediaType];
              if (isObject(media) && media.schema !== undefined) candidates.push({ raw: media.schema, at: childLocation(response.loc, 'content', mediaType, 'schema') });
            }
          }
          for (const { raw, at } of candidates) {
            const schema = resolve(raw, at);
            if (!schema || !isObject(schema.value) || !isBareArray(schema.value, schema.loc) || boundedByDescription(schema.value.description)) continue;
            // Inline in the operation (neither the response nor the schema is a `$ref`): name the operation.
            const direct = sameLocation(response.loc, responseAt) && sameLocation(schema.loc, at);
            let report: Report;
            if (direct) {
              report = { messageId: 'inline', data: { operation: operationName(operation), status }, at: schema.loc };
            } else {
              const ref = `${schema.loc.file === operation.loc.file ? '' : schema.loc.file.path.split('/').pop()}#${encodePointer(schema.loc.pointer)}`;
              report = { messageId: 'shared', data: { ref }, at: schema.loc, usedBy: operationName(operation) };
            }
            pending.push({ report, pagedByParameters });
            // One finding per response, even when several JSON media types share the shape.
            break;
          }
        }
      },
    };
  },
});

function sameLocation(a: NodeLocation, b: NodeLocation): boolean {
  return a.file === b.file && a.pointer.length === b.pointer.length && a.pointer.every((segment, index) => segment === b.pointer[index]);
}

function tokensOf(segment: string): string[] {
  return segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '');
}

function isReportOrReferenceList(literals: string[]): boolean {
  if (literals.some((segment) => tokensOf(segment).some((token) => REPORT_TOKENS.has(token)))) return true;
  const lastTokens = tokensOf(literals.at(-1) ?? '');
  const lastToken = lastTokens.at(-1) ?? '';
  return lastToken === 'history' || lastTokens[0] === 'by' || REFERENCE_TOKENS.has(lastToken);
}
