import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText } from '../helpers/lint-text';

const rule = 'server-variables-defined';

test('server-variables-defined: undefined variables, a missing default, a default outside the enum (OpenAPI 3.0)', () => {
  const doc = [
    'openapi: 3.0.3',
    "info: { title: T, version: '1' }",
    'servers:',
    '  - url: https://{region}.example.com/{version}/{region}',
    '    variables:',
    '      version: { enum: [v1, v2] }',
    '  - url: https://{env}.example.com:{port}',
    '    variables:',
    '      env: { default: qa, enum: [dev, prod] }',
    '      port: { default: 8443, enum: [443, 8443] }',
    'paths:',
    '  /a:',
    '    servers: [{ url: "https://{tenant}.example.com" }]',
    '    get:',
    "      responses: { '200': { description: ok } }",
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message: 'server URL "https://{region}.example.com/{version}/{region}" has variable {region}, which its variables do not define (they are "version")',
      at: '4:18-4:26',
      severity: 0,
    },
    { message: 'server variable "version" has no default; OpenAPI requires one (the value a client uses when it picks none)', at: '6:7-6:14', severity: 0 },
    { message: 'the default "qa" of server variable "env" is not one of its enum values ("dev" and "prod")', at: '9:23-9:25', severity: 0 },
    {
      message: 'server URL "https://{tenant}.example.com" has variable {tenant}, which is not defined: the server has no variables',
      at: '13:31-13:39',
      severity: 0,
    },
  ]);
});

test('server-variables-defined: a well-formed server, OpenAPI 3.1 in JSON, and Swagger 2.0', () => {
  const good = "openapi: 3.1.0\ninfo: { title: T, version: '1' }\nservers:\n  - url: https://{r}.example.com\n    variables: { r: { default: eu, enum: [eu, us] } }\npaths: {}\n";
  assert.deepEqual(findingsOf(lintText(good), rule), []);
  const json = `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {},\n"servers": [{"url": "/{v}", "variables": {"v": {"description": "no default"}}}]}`;
  assert.deepEqual(findingsOf(lintText(json), rule), [
    { message: 'server variable "v" has no default; OpenAPI requires one (the value a client uses when it picks none)', at: '2:43-2:46', severity: 0 },
  ]);
  const swagger = "swagger: '2.0'\ninfo: { title: T, version: '1' }\nbasePath: /{v}\npaths: {}\n";
  assert.deepEqual(findingsOf(lintText(swagger), rule), []);
});
