import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

/** A GET answering 200 with the given content block (YAML, indented for `content:`), or none. */
const get = (content?: string, headers?: string) =>
  `    get:\n      responses:\n        '200':\n          description: ok\n${headers ? `          headers:\n${headers}` : ''}${content ? `          content:\n${content}` : ''}`;
const json = `            application/json:\n              schema: { type: object }\n`;

test('no-file-extension: flags a representation extension, underlining it', () => {
  const doc = openapi(`  /users.json:\n${get(json)}  /users/{userId}.xml:\n${get()}`);
  assert.deepEqual(findingsOf(lintText(doc), 'no-file-extension'), [
    {
      message: '"/users.json" picks its representation with ".json"; drop the extension and let clients ask with "Accept: application/json"',
      at: '4:9-4:14',
      severity: 2,
    },
    {
      message: '"/users/{userId}.xml" picks its representation with ".xml"; drop the extension and let clients ask with "Accept: application/xml"',
      at: '12:18-12:22',
      severity: 2,
    },
  ]);
});

test('no-file-extension: well-known files, .well-known, non-representation extensions and parameter extensions are exempt', () => {
  const paths = ['/openapi.yaml', '/swagger.json', '/robots.txt', '/sitemap.xml', '/.well-known/jwks.json', '/logo.png', '/files/{id}/thumbnail.{format}', '/users/{id}:export'];
  const doc = openapi(paths.map((path) => `  ${path}:\n${get()}`).join(''));
  assert.deepEqual(findingsOf(lintText(doc), 'no-file-extension'), []);
});

test('no-file-extension: downloads are exempt (file media types, binary schemas, Content-Disposition, a CSV answered as text/csv)', () => {
  const doc = openapi(
    `  /exports/{id}.csv:\n${get(`            application/octet-stream:\n              schema: { type: string, format: binary }\n`)}` +
      `  /reports/{id}.csv:\n${get(`            text/csv:\n              schema: { type: string }\n`)}` +
      `  /backups/{id}.json:\n${get(json, `            Content-Disposition:\n              schema: { type: string }\n`)}` +
      `  /archives/{id}.xml:\n${get(`            application/xml:\n              schema: { type: string, format: binary }\n`)}`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'no-file-extension'), []);
});

test('no-file-extension: responses are judged through $ref: a JSON representation is flagged, a file is not', () => {
  const doc = openapi(
    `  /users.json:\n    get:\n      responses:\n        '200': { $ref: '#/components/responses/Users' }\n` +
      `  /exports/{id}.csv:\n    get:\n      responses:\n        '200': { $ref: '#/components/responses/File' }\n`,
    [
      'components:',
      '  responses:',
      '    Users:',
      '      description: ok',
      '      content:',
      '        application/json: { schema: { type: array, items: { type: object } } }',
      '    File:',
      '      description: a file',
      '      content:',
      '        application/octet-stream: { schema: { type: string, format: binary } }',
      '',
    ].join('\n'),
  );
  assert.deepEqual(findingsOf(lintText(doc), 'no-file-extension').map((finding) => finding.at), ['14:9-14:14']);
});

test('no-file-extension: option allow (whole paths or last segments, any parameter names) and option extensions', () => {
  const doc = openapi(`  /feeds/{feedId}.json:\n${get(json)}  /widget.json:\n${get(json)}  /users.xml:\n${get()}  /users.yaml:\n${get()}`);
  const config = 'rules:\n  no-file-extension: [info, { allow: ["/feeds/{id}.json", widget.json], extensions: [json, yaml] }]\n';
  assert.deepEqual(findingsOf(lintText(doc, { config }), 'no-file-extension').map((finding) => finding.message), [
    '"/users.yaml" picks its representation with ".yaml"; drop the extension and let clients ask with "Accept: application/yaml"',
  ]);
});

test('no-file-extension: Swagger 2.0 (produces, type: file) and a JSON document', () => {
  const swagger = [
    `swagger: '2.0'`,
    `info: { title: Test, version: '1' }`,
    `produces: [application/json]`,
    `paths:`,
    `  /pets.json:`,
    `    get:`,
    `      responses:`,
    `        '200': { description: ok, schema: { type: array, items: { type: object } } }`,
    `  /pets/{id}.csv:`,
    `    get:`,
    `      produces: [text/csv]`,
    `      responses:`,
    `        '200': { description: ok, schema: { type: string } }`,
    `  /pets/{id}/photo.json:`,
    `    get:`,
    `      responses:`,
    `        '200': { description: ok, schema: { type: file } }`,
    ``,
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(swagger), 'no-file-extension'), [
    {
      message: '"/pets.json" picks its representation with ".json"; drop the extension and let clients ask with "Accept: application/json"',
      at: '5:8-5:13',
      severity: 2,
    },
  ]);
  const doc = `{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {"/a.csv": {}}}`;
  assert.deepEqual(findingsOf(lintText(doc), 'no-file-extension').map((finding) => finding.at), ['1:75-1:79']);
});
