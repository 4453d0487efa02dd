import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText } from '../helpers/lint-text';

const rule = 'security-schemes-defined';

test('security-schemes-defined: undefined schemes and scopes, at the document and an operation (OpenAPI 3.0)', () => {
  const doc = [
    'openapi: 3.0.3',
    "info: { title: T, version: '1' }",
    'security:',
    '  - ApiKey: []',
    'components:',
    '  securitySchemes:',
    '    apiKey: { type: apiKey, in: header, name: X-Key }',
    "    broken: { $ref: '#/components/missing' }",
    '    oidc: { type: openIdConnect, openIdConnectUrl: https://example.com/.well-known/openid-configuration }',
    '    oauth:',
    '      type: oauth2',
    '      flows:',
    '        implicit: { authorizationUrl: https://example.com/auth, scopes: { read: r } }',
    '        clientCredentials: { tokenUrl: https://example.com/token, scopes: { write: w } }',
    'paths:',
    '  /a:',
    '    get:',
    '      security:',
    '        - oauth: [read, write, admin]',
    '          broken: []',
    '        - oidc: [anything]',
    '        - {}',
    "      responses: { '200': { description: ok } }",
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message: 'the document requires security scheme "ApiKey", which components.securitySchemes does not define (it defines "apiKey", "broken", "oidc" and "oauth")',
      at: '4:5-4:11',
      severity: 0,
    },
    { message: 'GET /a requires scope "admin" of "oauth", which that oauth2 scheme does not define (it defines "read" and "write")', at: '19:32-19:37', severity: 0 },
  ]);
});

test('security-schemes-defined: no schemes at all (OpenAPI 3.1, JSON)', () => {
  const json = `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "security": [{"bearer": []}],\n"paths": {}}`;
  assert.deepEqual(findingsOf(lintText(json), rule), [
    { message: 'the document requires security scheme "bearer", which components.securitySchemes does not define (it defines none)', at: '1:76-1:84', severity: 0 },
  ]);
});

test('security-schemes-defined: Swagger 2.0 securityDefinitions and scopes', () => {
  const doc = [
    "swagger: '2.0'",
    "info: { title: T, version: '1' }",
    'securityDefinitions:',
    '  petstore_auth: { type: oauth2, flow: implicit, authorizationUrl: https://example.com/auth, scopes: { "read:pets": r } }',
    'paths:',
    '  /pets:',
    '    get:',
    "      security: [{ petstore_auth: ['read:pets', 'write:pets'] }, { api_key: [] }]",
    "      responses: { '200': { description: ok } }",
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'GET /pets requires scope "write:pets" of "petstore_auth", which that oauth2 scheme does not define (it defines "read:pets")', at: '8:49-8:61', severity: 0 },
    { message: 'GET /pets requires security scheme "api_key", which securityDefinitions does not define (it defines "petstore_auth")', at: '8:68-8:75', severity: 0 },
  ]);
});
