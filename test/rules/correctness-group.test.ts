import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allRules } from '../../rules';
import { formatRange, lintText } from '../helpers/lint-text';

const correctness = new Set(allRules.filter((rule) => rule.meta.group === 'correctness').map((rule) => rule.meta.id));

test('correctness: the example of issue 11 gets the findings of the correctness rules, all errors by default', () => {
  const doc = `openapi: 3.0.3
info: { title: Broken }
paths:
  /users/{userId}:
    get:
      operationId: getUser
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          content:
            application/json:
              schema: { type: objekt, properties: { name: { type: string } } }
              example: { name: 5 }
  /users:
    get: { operationId: getUser, responses: {} }
`;
  const found = lintText(doc)
    .filter((finding) => correctness.has(finding.code))
    .map((finding) => ({ code: finding.code, at: formatRange(finding.range), severity: finding.severity, message: finding.message }));
  assert.deepEqual(found, [
    { code: 'document-structure', at: '2:1-2:5', severity: 0, message: 'the Info Object needs a "version"' },
    {
      code: 'path-params-match',
      at: '4:10-4:18',
      severity: 0,
      message: 'path "/users/{userId}" has parameter {userId}, which no parameter of GET declares (the operation declares "id" in: path, which is not in the path)',
    },
    { code: 'path-params-match', at: '7:28-7:30', severity: 0, message: 'parameter "id" is declared in: path, but path "/users/{userId}" has no {id}' },
    { code: 'document-structure', at: '9:9-9:14', severity: 0, message: 'Response Object "200" needs a "description"' },
    {
      code: 'document-structure',
      at: '12:31-12:37',
      severity: 0,
      message: '"objekt" is not a JSON Schema type; use one of array, boolean, integer, number, object, string (did you mean "object"?)',
    },
    { code: 'unique-operation-id', at: '15:25-15:32', severity: 0, message: 'operationId "getUser" is also used by GET /users/{userId}; operationIds must be unique' },
    {
      code: 'operation-success-response',
      at: '15:34-15:43',
      severity: 0,
      message: 'GET /users has an empty responses object; OpenAPI requires at least one response: document its success response (2xx, 3xx or default)',
    },
  ]);
});

/**
 * Warnings, not errors: the document is not wrong by the specification, only the worse for it
 * (an unused component has no effect; a key beside a $ref is ignored, as the specification says).
 */
const WARNINGS = new Set(['no-unused-components', 'no-ref-siblings']);

test('correctness: every rule of the group is on in restlint:recommended, at error but for the named warnings', () => {
  assert.ok(correctness.size >= 11);
  for (const rule of allRules.filter((rule) => correctness.has(rule.meta.id))) {
    assert.equal(rule.meta.severity, WARNINGS.has(rule.meta.id) ? 'warn' : 'error', rule.meta.id);
    assert.notEqual(rule.meta.recommended, false, rule.meta.id);
  }
});
