import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixedText, lintText, openapi } from '../helpers/lint-text';

const ok = `    get:\n      responses:\n        '200': { description: ok }\n`;

test('https-only: flags an http server URL at the url value', () => {
  const doc = openapi(`  /users:\n${ok}`, `servers:\n  - url: http://api.example.com/v1\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'https-only'), [
    {
      message: 'server URL "http://api.example.com/v1" uses plain http; serve the API over https so credentials and data are encrypted in transit',
      at: '4:10-4:35',
      severity: 0,
    },
  ]);
});

test('https-only: flags http servers at path-item and operation level, and HTTP in capitals', () => {
  const doc = openapi(
    `  /users:\n    servers:\n      - url: HTTP://api.example.com\n    get:\n      servers:\n        - url: 'http://upload.example.com'\n      responses:\n        '200': { description: ok }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'https-only'), [
    {
      message: 'server URL "HTTP://api.example.com" uses plain http; serve the API over https so credentials and data are encrypted in transit',
      at: '6:14-6:36',
      severity: 0,
    },
    {
      message: 'server URL "http://upload.example.com" uses plain http; serve the API over https so credentials and data are encrypted in transit',
      at: '9:16-9:43',
      severity: 0,
    },
  ]);
});

test('https-only: flags a scheme variable that offers http', () => {
  const doc = openapi(
    `  /users:\n${ok}`,
    `servers:\n  - url: '{scheme}://api.example.com'\n    variables:\n      scheme:\n        enum: [https, http]\n        default: https\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'https-only'), [
    {
      message: 'server URL "{scheme}://api.example.com" lets its "scheme" variable be "http"; offer only https so credentials and data are encrypted in transit',
      at: '4:10-4:38',
      severity: 0,
    },
  ]);
});

test('https-only: a scheme variable limited to https passes', () => {
  const doc = openapi(
    `  /users:\n${ok}`,
    `servers:\n  - url: '{protocol}://void.example.com/{path}'\n    variables:\n      protocol:\n        enum: [https]\n        default: https\n      path:\n        default: ''\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'https-only'), []);
});

test('https-only: localhost, loopback, *.local, *.localhost, relative URLs and a localhost host variable pass', () => {
  const doc = openapi(
    `  /users:\n${ok}`,
    `servers:\n` +
      `  - url: http://localhost:8080/v1\n` +
      `  - url: http://127.0.0.1/v1\n` +
      `  - url: 'http://[::1]:3000'\n` +
      `  - url: http://printer.local\n` +
      `  - url: http://api.localhost\n` +
      `  - url: http://0.0.0.0:8000\n` +
      `  - url: /v1\n` +
      `  - url: //api.example.com/v1\n` +
      `  - url: https://api.example.com/v1\n` +
      `  - url: 'http://{host}:{port}'\n    variables:\n      host: { default: localhost }\n      port: { default: '8080' }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'https-only'), []);
});

test('https-only: Swagger 2.0 "schemes" with http is flagged at the entry, document and operation level', () => {
  const doc =
    `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nhost: api.example.com\nbasePath: /v1\nschemes:\n  - https\n  - http\n` +
    `paths:\n  /users:\n    get:\n      schemes: [http]\n      responses:\n        '200': { description: ok }\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'https-only'), [
    { message: '"schemes" lists "http"; list only "https" so credentials and data are encrypted in transit', at: '7:5-7:9', severity: 0 },
    { message: '"schemes" lists "http" for GET /users; list only "https" so credentials and data are encrypted in transit', at: '11:17-11:21', severity: 0 },
  ]);
});

test('https-only: Swagger 2.0 with a localhost host, or https only, passes', () => {
  const local = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nhost: 'localhost:2746'\nschemes: [http, https]\npaths: {}\n`;
  const secure = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nhost: api.example.com\nschemes: [https]\npaths: {}\n`;
  assert.deepEqual(findingsOf(lintText(local), 'https-only'), []);
  assert.deepEqual(findingsOf(lintText(secure), 'https-only'), []);
});

test('https-only: a whole base URL as a variable is read through its values', () => {
  const doc = openapi(
    `  /users:\n${ok}`,
    `servers:\n  - url: '{baseUrl}/v1'\n    variables:\n      baseUrl:\n        default: https://api.example.com\n        enum: [https://api.example.com, http://legacy.example.com, http://localhost:8080]\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'https-only'), [
    {
      message: 'server URL "{baseUrl}/v1" lets its "baseUrl" variable be "http"; offer only https so credentials and data are encrypted in transit',
      at: '4:10-4:24',
      severity: 0,
    },
  ]);
  const local = openapi(`  /users:\n${ok}`, `servers:\n  - url: '{baseUrl}'\n    variables:\n      baseUrl: { default: 'http://localhost:3000' }\n`);
  assert.deepEqual(findingsOf(lintText(local), 'https-only'), []);
});

test('https-only: the fix writes https for a literal http scheme, in 3.x servers and 2.0 schemes', () => {
  const doc = openapi(`  /users: {}\n`, `servers:\n  - url: 'http://api.example.com/v1'\n`);
  assert.equal(fixedText(doc, 'https-only'), openapi(`  /users: {}\n`, `servers:\n  - url: 'https://api.example.com/v1'\n`));
  const swagger = "swagger: '2.0'\ninfo: { title: t, version: '1' }\nhost: api.example.com\nschemes:\n  - http\npaths: {}\n";
  assert.equal(fixedText(swagger, 'https-only'), "swagger: '2.0'\ninfo: { title: t, version: '1' }\nhost: api.example.com\nschemes:\n  - https\npaths: {}\n");
});

test('https-only: no fix where https is listed already, nor for a scheme variable (its values are the owner\'s choice)', () => {
  const swagger = "swagger: '2.0'\ninfo: { title: t, version: '1' }\nhost: api.example.com\nschemes: [http, https]\npaths: {}\n";
  const variable = openapi(`  /users: {}\n`, `servers:\n  - url: '{scheme}://api.example.com'\n    variables: { scheme: { default: https, enum: [http, https] } }\n`);
  for (const doc of [swagger, variable]) {
    assert.deepEqual(lintText(doc).filter((finding) => finding.code === 'https-only').map((finding) => finding.fix), [undefined]);
  }
});
