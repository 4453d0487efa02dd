// The prober's JSON-Schema side: SchemaValidator (OpenAPI 2.0/3.0/3.1 schemas through ajv,
// $refs across files, cycles, remote and broken refs) and the request-body samples
// (sampleValue / invalidValue), checked against each other. Over ../shared/corpus:
// test/probe/schema-corpus.test.ts (a subset) and `npm run corpus-report -- --schemas` (all).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseSourceText, readSourceFile, type SourceFile } from '../../src/engine/source/source-file';
import type { LiveSchema } from '../../src/engine/live/types';
import { SchemaValidator } from '../../src/engine/schema/validator';
import { invalidValue, sampleValue } from '../../src/probe/schema/samples';
import type { Direction, SchemaVersion } from '../../src/engine/schema/convert';

/** A document held in memory at a fake absolute path; other paths come from disk. */
function memoryLoader(files: Record<string, string>): (path: string) => SourceFile {
  const cache = new Map<string, SourceFile>();
  return (path) => {
    let file = cache.get(path);
    if (!file) {
      file = path in files ? parseSourceText(path, files[path]) : readSourceFile(path);
      cache.set(path, file);
    }
    return file;
  };
}

/** The schema at `pointer` of `path` (a `/`-separated list of keys). */
function schemaAt(load: (path: string) => SourceFile, path: string, pointer: string): LiveSchema {
  const file = load(path);
  const segments = pointer === '' ? [] : pointer.split('/');
  let value: unknown = file.data;
  for (const segment of segments) value = (value as Record<string, unknown>)[segment];
  return { value, loc: { file, pointer: segments } };
}

/** A validator over one in-memory document with `components.schemas` (or `definitions`). */
function fixture(version: SchemaVersion, schemas: Record<string, unknown>, options?: ConstructorParameters<typeof SchemaValidator>[2]) {
  const path = resolve(tmpdir(), 'restlint-probe-schema', `doc-${version}.json`);
  const doc = version === '2.0' ? { swagger: '2.0', definitions: schemas } : { openapi: version === '3.1' ? '3.1.0' : '3.0.3', components: { schemas } };
  const load = memoryLoader({ [path]: JSON.stringify(doc) });
  const validator = new SchemaValidator(version, load, options);
  const at = (name: string) => schemaAt(load, path, version === '2.0' ? `definitions/${name}` : `components/schemas/${name}`);
  return { validator, at, check: (name: string, value: unknown, direction?: Direction) => validator.validate(at(name), value, direction) };
}

describe('SchemaValidator: the linter\'s options (nullableEnum: spec, formats: standard)', () => {
  const schemas = {
    Color: { type: 'string', enum: ['red', 'green'], nullable: true },
    ColorOrNull: { type: 'string', enum: ['red', null], nullable: true },
    Link: { type: 'string', format: 'url' },
    Stamp: { type: 'string', format: 'date-time' },
  };
  const lint = fixture('3.0', schemas, { nullableEnum: 'spec', formats: 'standard' }).check;
  const probe = fixture('3.0', schemas).check;

  test('3.0.3: nullable admits null beside an enum only when the enum lists it; the prober stays lenient', () => {
    assert.deepEqual(lint('Color', null), { pointer: '', keyword: 'enum', message: 'must be one of: "red", "green"' });
    assert.equal(lint('ColorOrNull', null), undefined);
    assert.equal(probe('Color', null), undefined);
  });

  test('standard formats only: ajv-formats\' own `url` is an annotation, date-time is checked', () => {
    assert.equal(lint('Link', '/relative/path'), undefined);
    assert.deepEqual(lint('Stamp', '2020-01-01'), { pointer: '', keyword: 'format', message: 'must match format "date-time"' });
    assert.deepEqual(probe('Link', '/relative/path'), { pointer: '', keyword: 'format', message: 'must match format "url"' });
  });
});

describe('SchemaValidator: OpenAPI 3.0', () => {
  const { check } = fixture('3.0', {
    Name: { type: 'string', nullable: true },
    Strict: { type: 'string', nullable: false },
    Color: { type: 'string', enum: ['red', 'green'], nullable: true },
    User: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, name: { type: 'string' } }, additionalProperties: false },
    MaybeUser: { nullable: true, allOf: [{ $ref: '#/components/schemas/User' }] },
    RefNullable: { $ref: '#/components/schemas/User', nullable: true },
    Holder: { type: 'object', properties: { user: { nullable: true, allOf: [{ $ref: '#/components/schemas/User' }] } } },
    Positive: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: false },
    Annotated: { type: 'object', example: { a: 1 }, examples: { one: { value: 1 } }, xml: { name: 'x' }, externalDocs: { url: 'https://x' }, discriminator: { propertyName: 'kind' }, deprecated: true, 'x-internal': true, properties: { example: { type: 'string' }, nullable: { type: 'boolean' } } },
    Account: { type: 'object', required: ['id', 'password'], properties: { id: { type: 'integer', readOnly: true }, password: { type: 'string', writeOnly: true } } },
    Stamp: { type: 'string', format: 'date-time' },
    Odd: { type: 'string', format: 'my-own-format' },
    Colors: { type: 'string', enum: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] },
    Bad: { type: 'strnig' },
  });

  test('nullable: true allows null, nullable: false does not', () => {
    assert.equal(check('Name', null), undefined);
    assert.equal(check('Name', 'x'), undefined);
    assert.deepEqual(check('Name', 3), { pointer: '', keyword: 'type', message: 'must be string or null' });
    assert.deepEqual(check('Strict', null), { pointer: '', keyword: 'type', message: 'must be string' });
  });

  test('nullable with enum: null is allowed beside the listed values', () => {
    assert.equal(check('Color', null), undefined);
    assert.equal(check('Color', 'red'), undefined);
    assert.deepEqual(check('Color', 'blue'), { pointer: '', keyword: 'enum', message: 'must be one of: "red", "green", null' });
  });

  test('nullable with allOf/$ref: null allowed, other values still checked (best error shown)', () => {
    assert.equal(check('MaybeUser', null), undefined);
    assert.equal(check('RefNullable', null), undefined);
    assert.equal(check('Holder', { user: null }), undefined);
    assert.deepEqual(check('Holder', { user: { name: 'x' } }), { pointer: '/user', keyword: 'required', message: "must have required property 'id'" });
    assert.deepEqual(check('MaybeUser', { id: 'x' }), { pointer: '/id', keyword: 'type', message: 'must be integer' });
  });

  test('required and additionalProperties name the property', () => {
    assert.deepEqual(check('User', {}), { pointer: '', keyword: 'required', message: "must have required property 'id'" });
    assert.deepEqual(check('User', { id: 1, extra: 2 }), { pointer: '', keyword: 'additionalProperties', message: "must NOT have additional property 'extra'", property: 'extra' });
  });

  test('long enum lists are trimmed', () => {
    assert.deepEqual(check('Colors', 'z'), { pointer: '', keyword: 'enum', message: 'must be one of: "a", "b", "c", "d", "e", "f", "g", "h", … (10 values)' });
  });

  test('exclusiveMinimum: true is an exclusive bound; exclusiveMaximum: false an inclusive one', () => {
    assert.deepEqual(check('Positive', 0), { pointer: '', keyword: 'exclusiveMinimum', message: 'must be > 0' });
    assert.equal(check('Positive', 0.1), undefined);
    assert.equal(check('Positive', 10), undefined);
    assert.deepEqual(check('Positive', 11), { pointer: '', keyword: 'maximum', message: 'must be <= 10' });
  });

  test('annotations are ignored, and properties named like keywords are still properties', () => {
    assert.equal(check('Annotated', {}), undefined);
    assert.deepEqual(check('Annotated', { nullable: 'yes' }), { pointer: '/nullable', keyword: 'type', message: 'must be boolean' });
    assert.deepEqual(check('Annotated', { example: 1 }), { pointer: '/example', keyword: 'type', message: 'must be string' });
  });

  test('writeOnly properties are not required in a response, readOnly ones not in a request', () => {
    assert.equal(check('Account', { id: 1 }), undefined);
    assert.equal(check('Account', { id: 1 }, 'response'), undefined);
    assert.deepEqual(check('Account', { password: 'x' }, 'response'), { pointer: '', keyword: 'required', message: "must have required property 'id'" });
    assert.equal(check('Account', { password: 'x' }, 'request'), undefined);
    assert.deepEqual(check('Account', { id: 1 }, 'request'), { pointer: '', keyword: 'required', message: "must have required property 'password'" });
  });

  test('ajv-formats formats are checked; unknown formats are ignored', () => {
    assert.equal(check('Stamp', '2024-05-01T10:00:00Z'), undefined);
    assert.deepEqual(check('Stamp', 'yesterday'), { pointer: '', keyword: 'format', message: 'must match format "date-time"' });
    assert.equal(check('Odd', 'anything'), undefined);
  });

  test('a schema ajv cannot compile is not checked (undefined, no throw), every time', () => {
    assert.equal(check('Bad', 42), undefined);
    assert.equal(check('Bad', 42), undefined);
  });
});

describe('SchemaValidator: OpenAPI 2.0 and 3.1', () => {
  test('2.0: x-nullable allows null, nullable does not exist, type: file is unconstrained', () => {
    const { check } = fixture('2.0', {
      N: { type: 'string', 'x-nullable': true },
      Plain: { type: 'string', nullable: true },
      Upload: { type: 'file' },
      Count: { type: 'integer', minimum: 1, exclusiveMinimum: true },
    });
    assert.equal(check('N', null), undefined);
    assert.deepEqual(check('N', 1), { pointer: '', keyword: 'type', message: 'must be string or null' });
    assert.deepEqual(check('Plain', null), { pointer: '', keyword: 'type', message: 'must be string' });
    assert.equal(check('Upload', 'bytes'), undefined);
    assert.deepEqual(check('Count', 1), { pointer: '', keyword: 'exclusiveMinimum', message: 'must be > 1' });
  });

  test('2.0: a non-body parameter object (required: true, in, name) validates as its schema', () => {
    const path = resolve(tmpdir(), 'restlint-probe-schema', 'param.json');
    const load = memoryLoader({ [path]: JSON.stringify({ swagger: '2.0', parameters: { limit: { name: 'limit', in: 'query', required: true, type: 'integer', maximum: 100 } } }) });
    const validator = new SchemaValidator('2.0', load);
    assert.equal(validator.validate(schemaAt(load, path, 'parameters/limit'), 5), undefined);
    assert.deepEqual(validator.validate(schemaAt(load, path, 'parameters/limit'), 500), { pointer: '', keyword: 'maximum', message: 'must be <= 100' });
  });

  test('3.1: type arrays with null, const, prefixItems; nullable is only an annotation', () => {
    const { check, validator, at } = fixture('3.1', {
      Name: { type: ['string', 'null'] },
      Kind: { const: 'user' },
      Pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }] },
      Old: { type: 'string', nullable: true },
      Described: { $ref: '#/components/schemas/Name', description: 'siblings apply in 3.1', maxLength: 2 },
    });
    assert.equal(check('Name', null), undefined);
    assert.deepEqual(check('Name', 1), { pointer: '', keyword: 'type', message: 'must be string or null' });
    assert.equal(check('Kind', 'user'), undefined);
    assert.deepEqual(check('Kind', 'admin'), { pointer: '', keyword: 'const', message: 'must be "user"' });
    assert.equal(check('Pair', ['a', 1]), undefined);
    assert.deepEqual(check('Pair', ['a', 'b']), { pointer: '/1', keyword: 'type', message: 'must be integer' });
    assert.deepEqual(check('Old', null), { pointer: '', keyword: 'type', message: 'must be string' });
    assert.deepEqual(check('Described', 'abc'), { pointer: '', keyword: 'maxLength', message: 'must NOT have more than 2 characters' });
    // Boolean schemas: `true` accepts anything, `false` nothing.
    assert.equal(validator.validate({ value: true, loc: at('Kind').loc }, 1), undefined);
    assert.equal(validator.validate({ value: false, loc: at('Kind').loc }, 1)?.keyword, 'false schema');
  });
});

describe('SchemaValidator: references', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'restlint-schema-')));
  mkdirSync(join(dir, 'schemas'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'openapi.yaml'),
    [
      'openapi: 3.0.3',
      'components:',
      '  schemas:',
      '    UserList:',
      '      type: array',
      "      items: { $ref: './schemas/user.yaml#/User' }",
      '    Node:',
      '      type: object',
      '      required: [name]',
      '      properties:',
      '        name: { type: string }',
      '        children: { type: array, items: { $ref: "#/components/schemas/Node" } }',
      '    Remote:',
      "      $ref: 'https://example.com/schemas/thing.json'",
      '    WithRemote:',
      '      type: object',
      "      properties: { thing: { $ref: 'http://127.0.0.1:9/never.json#/Thing' }, n: { type: integer } }",
      '    Missing:',
      '      type: object',
      "      properties: { gone: { $ref: './schemas/gone.yaml#/Gone' } }",
      '    Outside:',
      "      $ref: '../outside.yaml#/X'",
      '    NoTarget:',
      "      $ref: '#/components/schemas/Nope'",
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'schemas', 'user.yaml'),
    [
      'User:',
      '  type: object',
      '  required: [id, address]',
      '  properties:',
      '    id: { type: integer }',
      "    address: { $ref: 'common.yaml#/Address' }",
      '    friends: { type: array, items: { $ref: "#/User" } }',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'schemas', 'common.yaml'), ['Address:', '  type: object', '  required: [city]', '  properties:', '    city: { type: string, nullable: true }'].join('\n'));
  const loaded: string[] = [];
  // The project's policy, as the prober's load enforces it: nothing outside `dir`.
  const load = (path: string) => {
    loaded.push(path);
    if (!path.startsWith(dir + '/')) throw new Error(`outside the project: ${path}`);
    return readSourceFile(path);
  };
  const validator = new SchemaValidator('3.0', load);
  const entry = join(dir, 'openapi.yaml');
  const at = (name: string) => schemaAt(load, entry, `components/schemas/${name}`);

  test('relative refs across files, resolved from the file each schema is in', () => {
    assert.equal(validator.validate(at('UserList'), [{ id: 1, address: { city: null } }]), undefined);
    assert.deepEqual(validator.validate(at('UserList'), [{ id: 1, address: {} }]), { pointer: '/0/address', keyword: 'required', message: "must have required property 'city'" });
    assert.deepEqual(validator.validate(at('UserList'), [{ id: 1, address: { city: 'x' }, friends: [{ id: 'two', address: { city: 'y' } }] }]), {
      pointer: '/0/friends/0/id',
      keyword: 'type',
      message: 'must be integer',
    });
  });

  test('a cyclic schema validates at any depth', () => {
    const tree = { name: 'a', children: [{ name: 'b', children: [{ name: 'c', children: [] }] }] };
    assert.equal(validator.validate(at('Node'), tree), undefined);
    assert.deepEqual(validator.validate(at('Node'), { name: 'a', children: [{ children: [] }] }), { pointer: '/children/0', keyword: 'required', message: "must have required property 'name'" });
  });

  test('a remote ref is the always-valid schema {} and is never fetched', () => {
    assert.equal(validator.validate(at('Remote'), { anything: [1, 2] }), undefined);
    assert.equal(validator.validate(at('WithRemote'), { thing: 'whatever', n: 1 }), undefined);
    assert.deepEqual(validator.validate(at('WithRemote'), { thing: 1, n: 'x' }), { pointer: '/n', keyword: 'type', message: 'must be integer' });
    assert.ok(!loaded.some((path) => path.includes('example.com') || path.includes('127.0.0.1')));
  });

  test('a ref to a missing file, outside the project, or to nothing: not checked, no throw', () => {
    assert.equal(validator.validate(at('Missing'), { gone: 1 }), undefined);
    assert.equal(validator.validate(at('Outside'), 1), undefined);
    assert.equal(validator.validate(at('NoTarget'), 1), undefined);
    assert.ok(loaded.includes(resolve(dir, '..', 'outside.yaml')), 'load was asked, and its throw was taken as unresolvable');
  });
});

describe('samples', () => {
  const schemas: Record<string, unknown> = {
    Pet: {
      type: 'object',
      required: ['name', 'tag'],
      properties: {
        id: { type: 'integer', format: 'int64', readOnly: true },
        name: { type: 'string', minLength: 3 },
        tag: { type: 'string', enum: ['dog', 'cat'] },
        born: { type: 'string', format: 'date' },
        email: { type: 'string', format: 'email' },
        uuid: { type: 'string', format: 'uuid' },
        stamp: { type: 'string', format: 'date-time' },
        code: { type: 'string', pattern: '^[A-Z]{3}$' },
      },
    },
    Documented: { type: 'object', required: ['a'], properties: { a: { type: 'integer' } }, example: { a: 7 } },
    WrongExample: { type: 'object', required: ['a'], properties: { a: { type: 'integer' } }, example: { a: 'seven' } },
    Range: { type: 'integer', minimum: 10, maximum: 20, multipleOf: 3 },
    Exclusive: { type: 'number', minimum: 5, exclusiveMinimum: true },
    Tree: { type: 'object', required: ['value'], properties: { value: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } },
    Composed: { allOf: [{ $ref: '#/components/schemas/Documented' }, { type: 'object', required: ['b'], properties: { b: { type: 'boolean' } } }] },
    Choice: { oneOf: [{ type: 'string', format: 'uuid' }, { type: 'integer' }] },
    Anything: {},
    Tags: { type: 'array', minItems: 2, uniqueItems: true, items: { type: 'string' } },
    NullableName: { type: 'string', nullable: true },
  };
  const { validator, at } = fixture('3.0', schemas);

  test('sampleValue: examples first, else generated by type and format', () => {
    assert.deepEqual(sampleValue(at('Documented'), validator.refs), { a: 7 });
    const pet = sampleValue(at('Pet'), validator.refs) as Record<string, unknown>;
    assert.equal(pet.id, undefined, 'readOnly properties are not sent');
    assert.deepEqual(pet, {
      name: 'sample',
      tag: 'dog',
      born: '2024-01-01',
      email: 'user@example.com',
      uuid: '123e4567-e89b-12d3-a456-426614174000',
      stamp: '2024-01-01T00:00:00Z',
      code: 'AAA',
    });
    assert.equal(sampleValue(at('Range'), validator.refs), 12);
    assert.equal(sampleValue(at('Exclusive'), validator.refs), 5.5);
    assert.deepEqual(sampleValue(at('Composed'), validator.refs), { a: 7, b: true });
    assert.deepEqual(sampleValue(at('Tags'), validator.refs), ['sample', 'sample1']);
  });

  test('sampleValue with a check falls back from a wrong documented example', () => {
    const schema = at('WrongExample');
    assert.deepEqual(sampleValue(schema, validator.refs), { a: 'seven' });
    assert.deepEqual(sampleValue(schema, validator.refs, { accepts: (value) => !validator.validate(schema, value, 'request') }), { a: 1 });
  });

  test('invalidValue: a required property removed, else a wrong type; undefined for {}', () => {
    assert.deepEqual(invalidValue(at('Documented'), validator.refs), {});
    assert.equal(invalidValue(at('Range'), validator.refs), 'restlint-invalid');
    assert.equal(invalidValue(at('NullableName'), validator.refs), 12345);
    assert.equal(invalidValue(at('Anything'), validator.refs), undefined);
    assert.equal(invalidValue(at('Anything'), validator.refs, { accepts: (value) => !validator.validate(at('Anything'), value) }), undefined);
  });

  test('every sample is valid and every invalid value is rejected by the validator', () => {
    for (const name of Object.keys(schemas)) {
      const schema = at(name);
      const accepts = (value: unknown) => !validator.validate(schema, value, 'request');
      const sample = sampleValue(schema, validator.refs, { accepts });
      assert.equal(validator.validate(schema, sample, 'request'), undefined, `${name}: ${JSON.stringify(sample)}`);
      const bad = invalidValue(schema, validator.refs, { accepts });
      if (name === 'Anything') assert.equal(bad, undefined);
      else assert.ok(validator.validate(schema, bad, 'request'), `${name}: ${JSON.stringify(bad)}`);
      // Without the check the heuristics alone are right for these too.
      if (name !== 'Anything' && name !== 'WrongExample') {
        assert.equal(validator.validate(schema, sampleValue(schema, validator.refs), 'request'), undefined, `${name} unchecked sample`);
        assert.ok(validator.validate(schema, invalidValue(schema, validator.refs), 'request'), `${name} unchecked invalid`);
      }
    }
  });

  test('a cyclic schema gives a finite sample', () => {
    const tree = sampleValue(at('Tree'), validator.refs, { maxDepth: 3 });
    assert.equal(validator.validate(at('Tree'), tree, 'request'), undefined);
    assert.ok(JSON.stringify(tree).length < 2000);
  });
});
