import { isObject } from '../src/engine/model/json';
import { childLocation, type NodeLocation } from '../src/engine/model/location';
import { isJsonMediaType, mediaTypeOf } from '../src/engine/media-types';
import { defineRule, type AnyRuleContext } from '../src/engine/rule';
import { checkValue, jsonType, simpleTypes, type ValueDirection } from './lib/instances';

type Json = Record<string, unknown>;

/**
 * OpenAPI: an example "SHOULD match the specified schema" (Media Type, Parameter, Header,
 * Example Object `value`), and a Schema's `example`/`examples` are instances of it. Each value
 * is validated with the engine's validator (the document's dialect, `$ref`s across files,
 * readOnly/writeOnly by direction); one finding per example, at the member that fails.
 * Values that are not instances are left alone: `externalValue`, a serialized string (a
 * non-JSON body, or a parameter or header value as sent), a binary body.
 */
export default defineRule({
  meta: {
    id: 'example-matches-schema',
    group: 'correctness',
    severity: 'error',
    description: 'Every example is valid against the schema it illustrates.',
    sources: ['OpenAPI 3.1 §4.8.14', 'OpenAPI 3.1 §4.8.19', 'OpenAPI 3.1 §4.8.24', 'OpenAPI 2.0 §Example Object'],
    fix: 'no',
    messages: {
      mismatch: '{{what}} does not match its schema: {{failure}}',
    },
  },
  create(context) {
    // A shared example (a component, a response used by many operations) is checked once per schema.
    const checked = new Set<string>();
    const check = (what: string, schema: unknown, schemaAt: NodeLocation, value: unknown, valueAt: NodeLocation, direction: ValueDirection, serialized = false) => {
      // `example: { $ref: … }` is a literal in OpenAPI, but bundlers resolve it and documents
      // mean it so (DigitalOcean, GitHub): the value judged is the one it names; none when broken.
      if (isObject(value) && typeof value.$ref === 'string' && Object.keys(value).length === 1) {
        const target = context.resolve(value, valueAt);
        if (!target) return;
        value = target.value;
        valueAt = target.loc;
      }
      const key = `${valueAt.file.path}#${valueAt.pointer.join('/')}\0${schemaAt.file.path}#${schemaAt.pointer.join('/')}\0${direction}`;
      if (checked.has(key)) return;
      checked.add(key);
      const problem = checkValue(context, schema, schemaAt, value, valueAt, direction, serialized);
      if (problem) context.report({ messageId: 'mismatch', data: { what, failure: problem.text }, at: problem.at, part: problem.part });
    };

    /** A 3.x Media Type, Parameter or Header: its `example` and each `examples` entry's `value`. */
    const examplesOf = (holder: Json, loc: NodeLocation, schema: unknown, schemaAt: NodeLocation, direction: ValueDirection, admits: (value: unknown) => boolean, serialized = false) => {
      if ('example' in holder && admits(holder.example)) check('example', schema, schemaAt, holder.example, childLocation(loc, 'example'), direction, serialized);
      if (!isObject(holder.examples)) return;
      for (const name of Object.keys(holder.examples)) {
        const entry = context.resolve(holder.examples[name], childLocation(loc, 'examples', name));
        // `externalValue` names a document elsewhere: not read, not judged.
        // `value: null` is how some documents write "no example" (GitHub, for an empty body): not judged.
        if (!entry || !isObject(entry.value) || entry.value.value === undefined || entry.value.value === null) continue;
        if (admits(entry.value.value)) check(`example "${name}"`, schema, schemaAt, entry.value.value, childLocation(entry.loc, 'value'), direction, serialized);
      }
    };

    /** A media type of a body (or of a parameter's or header's `content`). */
    const mediaType = (name: string, value: Json, loc: NodeLocation, direction: ValueDirection) => {
      if (value.schema === undefined) return;
      const schemaAt = childLocation(loc, 'schema');
      const json = isJsonMediaType(name);
      const shape = json ? undefined : schemaShape(context, value.schema, schemaAt);
      // A binary body's example is its bytes, however written.
      if (shape?.binary) return;
      // Outside JSON, a string example is often the body as sent (XML, CSV, a form): judged only against a string schema.
      const admits = (example: unknown) => json || typeof example !== 'string' || shape?.string === true;
      // A form's (or other non-JSON body's) members are strings on the wire: `"true"` for a
      // boolean, one `"ringing"` for an array are how they are sent, not wrong types.
      examplesOf(value, loc, value.schema, schemaAt, direction, admits, !json);
    };

    /** A 3.x Parameter or Header: `schema` with `example`/`examples`, or `content`. */
    const parameterLike = (value: Json, loc: NodeLocation, direction: ValueDirection) => {
      if (value.schema !== undefined) {
        const schemaAt = childLocation(loc, 'schema');
        const shape = schemaShape(context, value.schema, schemaAt);
        // A string for a non-string schema is the value as serialized in the URL or header (`1,2,3`): not judged.
        examplesOf(value, loc, value.schema, schemaAt, direction, (example) => typeof example !== 'string' || shape.string !== false);
      }
      if (isObject(value.content)) {
        for (const name of Object.keys(value.content)) {
          const media = value.content[name];
          if (isObject(media)) mediaType(name, media, childLocation(loc, 'content', name), direction);
        }
      }
    };

    return {
      MediaType(node) {
        mediaType(node.mediaType, node.value, node.loc, node.parent.kind === 'RequestBody' ? 'request' : 'response');
      },
      Parameter(node) {
        if (context.version !== '2.0') parameterLike(node.value, node.loc, 'request');
      },
      Header(node) {
        if (context.version !== '2.0') parameterLike(node.value, node.loc, 'response');
      },
      Response(node) {
        // Swagger 2.0: `examples` by mime type, each an instance of the response's schema.
        if (context.version !== '2.0' || node.value.schema === undefined || !isObject(node.value.examples)) return;
        for (const mime of Object.keys(node.value.examples)) {
          if (!isJsonMediaType(mime)) continue;
          check(`example for ${mediaTypeOf(mime) ?? mime}`, node.value.schema, childLocation(node.loc, 'schema'), node.value.examples[mime], childLocation(node.loc, 'examples', mime), 'response');
        }
      },
      Schema(node) {
        const { value, loc } = node;
        // A scalar example of a schema that says no more than its type needs no compiled validator.
        const simple = 'enum' in value || 'const' in value ? undefined : simpleTypes(value, context.version);
        const plainly = (example: unknown) => simple !== undefined && (example === null || typeof example !== 'object') && simple.has(jsonType(example));
        if ('example' in value && !plainly(value.example)) check('example', value, loc, value.example, childLocation(loc, 'example'), 'either');
        // 3.1 (JSON Schema 2020-12): `examples` is an array of instances. 3.0 has no such keyword.
        if (context.version === '3.1' && Array.isArray(value.examples)) {
          value.examples.forEach((example, index) => plainly(example) || check(`examples[${index}]`, value, loc, example, childLocation(loc, 'examples', String(index)), 'either'));
        }
      },
    };
  },
});

/**
 * What a schema's top level says about strings: `string` true when it admits strings (its type
 * is or includes string), false when its type rules them out, undefined when it does not say
 * (no type, or composition); `binary` for `format: binary` (or 3.1 `contentEncoding`/`contentMediaType`).
 */
function schemaShape(context: AnyRuleContext, schema: unknown, at: NodeLocation): { string?: boolean; binary: boolean } {
  const resolved = context.resolve(schema, at);
  if (!resolved || !isObject(resolved.value)) return { binary: false };
  const value = resolved.value;
  const types = typeof value.type === 'string' ? [value.type] : Array.isArray(value.type) ? value.type : undefined;
  const binary = value.format === 'binary' || value.format === 'byte' || 'contentEncoding' in value || 'contentMediaType' in value || value.type === 'file';
  return { string: types === undefined ? undefined : types.includes('string'), binary };
}
