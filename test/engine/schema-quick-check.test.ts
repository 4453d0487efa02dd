// quickCheck (src/engine/schema/quick-check.ts) against ajv on the same JSON Schema: wherever
// quickCheck gives an answer, ajv agrees; where it is unsure it says so. And SchemaValidator
// with the walk in front: the failure it reports is ajv's, at the member that fails.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { quickCheck, Unsure } from '../../src/engine/schema/quick-check';
import { SchemaValidator } from '../../src/engine/schema/validator';
import { parseSourceText, type SourceFile } from '../../src/engine/source/source-file';

type Verdict = 'valid' | 'invalid' | 'unsure';

function quick(schema: unknown, value: unknown, draft2020: boolean, defs: Record<string, unknown> = {}): Verdict {
  try {
    const answer = quickCheck(schema, value, {
      schemaFor: (id) => defs[id],
      formats: fullFormats,
      directionalKeyword: 'restlintRequiredIn',
      direction: 'response',
      draft2020,
    });
    return answer === true ? 'valid' : 'invalid';
  } catch (error) {
    if (error instanceof Unsure) return 'unsure';
    throw error;
  }
}

function ajvVerdict(schema: unknown, value: unknown, draft2020: boolean, defs: Record<string, unknown> = {}): Verdict {
  const ajv = draft2020 ? new Ajv2020({ strict: false, logger: false }) : new Ajv({ strict: false, logger: false });
  addFormats(ajv);
  for (const [id, body] of Object.entries(defs)) ajv.addSchema({ ...(body as object), $id: id });
  return ajv.compile(schema as object)(value) ? 'valid' : 'invalid';
}

// [name, schema, values that pass, values that fail]; each is checked in draft-07 and in 2020-12
// unless its name says which.
const CASES: [string, unknown, unknown[], unknown[]][] = [
  ['type string', { type: 'string' }, ['a', ''], [1, null, [], {}, true]],
  ['type integer: 1.0 is an integer in JSON', { type: 'integer' }, [1, 1.0, -3, 1e300], [1.5, '1', null]],
  ['type number', { type: 'number' }, [1, 1.5, -0], ['1', null, true]],
  ['type list', { type: ['string', 'null'] }, ['a', null], [1, {}]],
  ['type object, not an array', { type: 'object' }, [{}, { a: 1 }], [[], null, 'a']],
  ['enum of scalars and objects', { enum: ['a', 1, null, { b: [1, 2] }] }, ['a', 1, null, { b: [1, 2] }], ['b', 2, { b: [2, 1] }, {}]],
  ['const', { const: { a: 1 } }, [{ a: 1 }], [{ a: 2 }, { a: 1, b: 1 }]],
  ['required', { type: 'object', required: ['a', 'b'] }, [{ a: 1, b: null }], [{ a: 1 }, {}]],
  ['required applies to objects only', { required: ['a'] }, ['x', 5, []], [{}]],
  ['nested properties', { properties: { a: { properties: { b: { type: 'string' } } } } }, [{ a: { b: 'x' } }, { a: {} }, {}], [{ a: { b: 1 } }]],
  ['additionalProperties false', { properties: { a: {} }, additionalProperties: false }, [{ a: 1 }, {}], [{ a: 1, b: 2 }]],
  ['additionalProperties schema', { properties: { a: {} }, additionalProperties: { type: 'integer' } }, [{ a: 'x', b: 2 }], [{ b: 'x' }]],
  ['patternProperties with additionalProperties false', { patternProperties: { '^x-': { type: 'string' } }, additionalProperties: false }, [{ 'x-a': 'b' }, {}], [{ 'x-a': 1 }, { y: 1 }]],
  ['propertyNames', { propertyNames: { pattern: '^[a-z]+$' } }, [{ abc: 1 }], [{ Abc: 1 }]],
  ['minProperties and maxProperties', { minProperties: 1, maxProperties: 2 }, [{ a: 1 }, { a: 1, b: 2 }], [{}, { a: 1, b: 2, c: 3 }]],
  ['dependencies: names', { dependencies: { a: ['b'] } }, [{ a: 1, b: 2 }, { b: 1 }, {}], [{ a: 1 }]],
  ['dependencies: schema', { dependencies: { a: { required: ['c'] } } }, [{ a: 1, c: 2 }], [{ a: 1 }]],
  ['items schema', { items: { type: 'string' } }, [['a'], []], [['a', 1]]],
  ['draft-07: items list and additionalItems false', { items: [{ type: 'string' }, { type: 'integer' }], additionalItems: false }, [['a', 1], ['a']], [['a', 'b'], ['a', 1, 2]]],
  ['2020-12: prefixItems and items false', { prefixItems: [{ type: 'string' }], items: false }, [['a'], []], [[1], ['a', 'b']]],
  ['minItems and maxItems', { minItems: 1, maxItems: 2 }, [[1], [1, 2]], [[], [1, 2, 3]]],
  ['uniqueItems, objects compared deeply', { uniqueItems: true }, [[1, '1'], [{ a: 1 }, { a: 2 }]], [[1, 1], [{ a: [1] }, { a: [1] }]]],
  ['contains', { contains: { type: 'integer' } }, [['a', 1]], [['a'], []]],
  ['minLength counts code points', { minLength: 2, maxLength: 2 }, ['ab', '😀😀'], ['😀', 'abc']],
  ['pattern is a unicode regexp, unanchored', { pattern: '\\p{Lu}' }, ['aBc'], ['abc']],
  ['minimum, maximum and their exclusive forms', { minimum: 1, maximum: 10, exclusiveMaximum: 10 }, [1, 9.5], [0, 10, 11]],
  ['exclusiveMinimum', { exclusiveMinimum: 0 }, [0.1], [0, -1]],
  ['multipleOf, binary fractions read as ajv reads them', { multipleOf: 0.01 }, [0.5, 2, 0.3], [0.015, 0.07]],
  ['multipleOf with a large ratio', { multipleOf: 1 }, [1e20], [1.5, 1e21]],
  ['format date-time', { format: 'date-time' }, ['2020-07-28T18:00:00Z', 5], ['2020-07-28 18:00', '2020-13-01T00:00:00Z']],
  ['format email and uuid', { properties: { e: { format: 'email' }, u: { format: 'uuid' } } }, [{ e: 'a@b.io', u: '0f8fad5b-d9cb-469f-a165-70867728950e' }], [{ e: 'a@' }, { u: '0f8fad5b' }]],
  ['format uri', { format: 'uri' }, ['https://example.com/a?b'], ['/relative', 'not a uri']],
  ['format int32 applies to numbers', { format: 'int32' }, [5, 'abc'], [2 ** 31, 1.5]],
  ['an unknown format is an annotation', { format: 'money' }, ['anything'], []],
  ['allOf', { allOf: [{ required: ['a'] }, { required: ['b'] }] }, [{ a: 1, b: 1 }], [{ a: 1 }]],
  ['anyOf', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, ['a', 1], [1.5, null]],
  ['oneOf: exactly one', { oneOf: [{ type: 'string' }, { maxLength: 1 }] }, ['ab', 1], ['a']],
  ['not', { not: { type: 'string' } }, [1], ['a']],
  ['if/then/else', { if: { properties: { kind: { const: 'a' } } }, then: { required: ['x'] }, else: { required: ['y'] } }, [{ kind: 'a', x: 1 }, { kind: 'b', y: 1 }], [{ kind: 'a', y: 1 }, { kind: 'b', x: 1 }]],
  ['boolean schemas', { properties: { yes: true, no: false } }, [{ yes: 1 }], [{ no: 1 }]],
  ['nullable as the validator writes it', { anyOf: [{ type: 'null' }, { type: 'object', required: ['a'] }] }, [null, { a: 1 }], [{}, 'a']],
];

describe('quickCheck agrees with ajv wherever it answers', () => {
  for (const [name, schema, passing, failing] of CASES) {
    const drafts = name.startsWith('draft-07') ? [false] : name.startsWith('2020-12') ? [true] : [false, true];
    for (const draft2020 of drafts) {
      test(`${name} (${draft2020 ? '2020-12' : 'draft-07'})`, () => {
        for (const value of passing) {
          assert.equal(ajvVerdict(schema, value, draft2020), 'valid', `the case itself: ajv passes ${JSON.stringify(value)}`);
          assert.equal(quick(schema, value, draft2020), 'valid', `${JSON.stringify(value)} passes`);
        }
        for (const value of failing) {
          assert.equal(ajvVerdict(schema, value, draft2020), 'invalid', `the case itself: ajv fails ${JSON.stringify(value)}`);
          assert.equal(quick(schema, value, draft2020), 'invalid', `${JSON.stringify(value)} fails`);
        }
      });
    }
  }

  test('$ref names a registered schema, cycles included', () => {
    const defs = { 'https://restlint.invalid/t/node': { type: 'object', required: ['name'], properties: { children: { type: 'array', items: { $ref: 'https://restlint.invalid/t/node' } } } } };
    const tree = { name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] };
    const broken = { name: 'a', children: [{ children: [] }] };
    assert.equal(quick({ $ref: 'https://restlint.invalid/t/node' }, tree, false, defs), 'valid');
    assert.equal(ajvVerdict({ $ref: 'https://restlint.invalid/t/node' }, tree, false, defs), 'valid');
    assert.equal(quick({ $ref: 'https://restlint.invalid/t/node' }, broken, false, defs), 'invalid');
    assert.equal(ajvVerdict({ $ref: 'https://restlint.invalid/t/node' }, broken, false, defs), 'invalid');
  });

  test('what it does not read, it leaves to ajv', () => {
    assert.equal(quick({ unevaluatedProperties: false }, { a: 1 }, true), 'unsure');
    assert.equal(quick({ contains: {}, minContains: 2 }, [1], true), 'unsure');
    assert.equal(quick({ type: 'objekt' }, {}, false), 'unsure');
    assert.equal(quick({ $ref: 'https://restlint.invalid/t/nowhere' }, {}, false), 'unsure');
    assert.equal(quick({ type: 'string' }, new Date(0), false), 'unsure');
    const loop = { 'https://restlint.invalid/t/a': { $ref: 'https://restlint.invalid/t/b' }, 'https://restlint.invalid/t/b': { $ref: 'https://restlint.invalid/t/a' } };
    assert.equal(quick({ $ref: 'https://restlint.invalid/t/a' }, 1, false, loop), 'unsure');
  });
});

describe('SchemaValidator with the walk in front of ajv', () => {
  const path = resolve(tmpdir(), 'restlint-quick-check', 'doc.json');
  const validatorFor = (version: '3.0' | '3.1', schemas: Record<string, unknown>) => {
    const file = parseSourceText(path, JSON.stringify({ openapi: version === '3.0' ? '3.0.3' : '3.1.0', components: { schemas } }));
    const load = (wanted: string): SourceFile => {
      if (wanted !== path) throw new Error(`no file ${wanted}`);
      return file;
    };
    const validator = new SchemaValidator(version, load, { nullableEnum: 'spec', allOfClosed: 'siblings', formats: 'standard' });
    return (name: string, value: unknown, direction: 'request' | 'response' = 'response') =>
      validator.validate({ value: (file.data as { components: { schemas: Record<string, unknown> } }).components.schemas[name], loc: { file, pointer: ['components', 'schemas', name] } }, value, direction);
  };

  const validate = validatorFor('3.0', {
    User: { type: 'object', required: ['id', 'name', 'password'], properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' }, password: { type: 'string', writeOnly: true }, manager: { $ref: '#/components/schemas/User' } } },
    Users: { type: 'array', items: { $ref: '#/components/schemas/User' } },
    Pet: { nullable: true, oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] },
    Cat: { type: 'object', required: ['meows'], properties: { meows: { type: 'boolean' } } },
    Dog: { type: 'object', required: ['barks'], properties: { barks: { type: 'boolean' } } },
    Broken: { properties: { fine: { type: 'string' }, later: { $ref: '#/components/schemas/Missing' } } },
    Wrapper: { properties: { broken: { $ref: '#/components/schemas/Broken' } } },
  });

  test('a failure deep inside referenced schemas is ajv\'s message at the member that fails', () => {
    assert.deepEqual(validate('Users', [{ id: 1, name: 'a' }, { id: 2, name: 5 }]), { pointer: '/1/name', keyword: 'type', message: 'must be string' });
    assert.deepEqual(validate('Users', [{ id: 1, name: 'a', manager: { id: 2 } }]), { pointer: '/0/manager', keyword: 'required', message: "must have required property 'name'" });
    assert.equal(validate('Users', [{ id: 1, name: 'a', manager: { id: 2, name: 'b' } }]), undefined);
  });

  test('readOnly and writeOnly by direction', () => {
    assert.deepEqual(validate('User', { id: 1, name: 'a', password: 'p' }, 'response'), undefined);
    assert.deepEqual(validate('User', { name: 'a' }, 'request'), { pointer: '', keyword: 'required', message: "must have required property 'password'" });
    assert.deepEqual(validate('User', { name: 'a', password: 'p' }, 'response'), { pointer: '', keyword: 'required', message: "must have required property 'id'" });
  });

  test('a oneOf with no branch matching names the likeliest branch; nullable admits null', () => {
    assert.equal(validate('Pet', null), undefined);
    assert.equal(validate('Pet', { meows: true }), undefined);
    assert.deepEqual(validate('Pet', { meows: 'yes' }), { pointer: '/meows', keyword: 'type', message: 'must be boolean' });
  });

  test('a value matching several oneOf branches is that, not a branch\'s complaint', () => {
    assert.deepEqual(validate('Pet', { meows: true, barks: true }), { pointer: '', keyword: 'oneOf', message: 'must match exactly one schema in oneOf' });
  });

  test('a $ref that cannot be resolved: the schema is not judged', () => {
    assert.equal(validate('Broken', { fine: 5 }), undefined, 'converting Broken itself meets the missing $ref');
    assert.equal(validate('Wrapper', { broken: { fine: 5 } }), undefined, 'reached through another schema');
  });
});
