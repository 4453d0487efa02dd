// Checks shared by the unit tests of the CI formats and the CLI tests: a SARIF log against
// the SARIF 2.1.0 JSON Schema, and an XML document's well-formedness (no XML parser is a
// dependency, and JUnit output only needs elements, attributes, text and references).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { REPO_ROOT } from './cli';

const SARIF_SCHEMA = join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

let validate: ReturnType<Ajv['compile']> | undefined;

/** Fails with ajv's errors when `log` is not a valid SARIF 2.1.0 log. */
export function assertValidSarif(log: unknown): void {
  if (!validate) {
    // unicodeRegExp off: the schema's pattern for `language` is not valid with the `u` flag.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    // ajv-formats is not installed: the schema's formats are accepted as they are (the
    // reporter's URIs are checked by the tests themselves).
    for (const format of ['uri', 'uri-reference', 'date-time']) ajv.addFormat(format, true);
    const schema = JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')) as Record<string, unknown>;
    // The schema is draft-04; ajv reads it as draft-07 once its root `id` is the later `$id`
    // (it uses no other keyword whose meaning changed).
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    validate = ajv.compile(schema);
  }
  assert.ok(validate(log), `not valid SARIF 2.1.0:\n${JSON.stringify(validate.errors, null, 2)}`);
}

const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

/**
 * Well-formed XML of the kind JUnit output is: the prolog, one root element, tags that nest
 * and close, quoted attributes without duplicates, `&` only in references, no `<` in text or
 * attributes, and no characters XML 1.0 cannot hold.
 */
export function assertWellFormedXml(text: string): void {
  assert.ok(text.startsWith(PROLOG), 'starts with the XML declaration');
  const body = text.slice(PROLOG.length);
  // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these control characters
  assert.doesNotMatch(body, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/, 'no character XML 1.0 forbids');
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const stack: string[] = [];
  let roots = 0;
  for (let index = 0; index < body.length; ) {
    token.lastIndex = index;
    const match = token.exec(body);
    assert.ok(match, `not well-formed at ${index}: ${JSON.stringify(body.slice(index, index + 60))}`);
    index = token.lastIndex;
    const [, closing, name, attributes, empty, chars] = match;
    if (chars !== undefined) {
      if (stack.length === 0) assert.match(chars, /^\s*$/, 'only whitespace outside the root');
      assert.doesNotMatch(chars.replace(REFERENCE, ''), /&/, `a bare & in text: ${JSON.stringify(chars)}`);
      continue;
    }
    if (closing) {
      assert.equal(stack.pop(), name, `</${name}> closes what was opened`);
      continue;
    }
    if (stack.length === 0) roots++;
    const names = [...attributes.matchAll(/([\w.-]+)="([^"]*)"/g)].map(([, key, value]) => {
      assert.doesNotMatch(value.replace(REFERENCE, ''), /&/, `a bare & in ${key}="${value}"`);
      return key;
    });
    assert.equal(new Set(names).size, names.length, `duplicate attribute in <${name}>`);
    if (!empty) stack.push(name);
  }
  assert.deepEqual(stack, [], 'every element is closed');
  assert.equal(roots, 1, 'one root element');
}

/** The text an XML parser reads from escaped attribute or element text. */
export function unescapeXml(text: string): string {
  return text.replace(REFERENCE, (reference) => {
    const named: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
    if (named[reference]) return named[reference];
    const hex = reference.startsWith('&#x');
    return String.fromCodePoint(parseInt(reference.slice(hex ? 3 : 2, -1), hex ? 16 : 10));
  });
}
