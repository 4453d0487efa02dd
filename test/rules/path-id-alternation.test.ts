import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ok = `    get:\n      responses:\n        '200': { description: ok }\n`;
const paths = (...list: string[]) => openapi(list.map((path) => `  ${path}:\n${ok}`).join(''));

test('path-id-alternation: flags a path that starts with a parameter, once per prefix', () => {
  const doc = paths('/{tenant}/users', '/{tenant}/orders');
  assert.deepEqual(findingsOf(lintText(doc), 'path-id-alternation'), [
    { message: '"/{tenant}" starts with the parameter "{tenant}"; put the collection it identifies in front of it', at: '4:4-4:12', severity: 1 },
  ]);
});

test('path-id-alternation: flags an identifier of another thing right after an identifier', () => {
  const doc = paths('/users/{userId}/{orderId}', '/orgs/{org}/roles/users/{username}/{role_id}/permissions');
  assert.deepEqual(findingsOf(lintText(doc), 'path-id-alternation'), [
    {
      message: '"/users/{userId}/{orderId}": "{orderId}" directly follows "{userId}" with no collection between them; insert the collection "{orderId}" belongs to',
      at: '4:19-4:28',
      severity: 1,
    },
    {
      message: '"/orgs/{org}/roles/users/{username}/{role_id}": "{role_id}" directly follows "{username}" with no collection between them; insert the collection "{role_id}" belongs to',
      at: '8:38-8:47',
      severity: 1,
    },
  ]);
});

test('path-id-alternation: flags a parameter glued to literal text', () => {
  const doc = paths('/users/user{id}', '/users/{id}.json');
  assert.deepEqual(findingsOf(lintText(doc), 'path-id-alternation'), [
    { message: '"/users/user{id}": segment "user{id}" glues a parameter to literal text; give the identifier a segment of its own', at: '4:10-4:18', severity: 1 },
    { message: '"/users/{id}.json": segment "{id}.json" glues a parameter to literal text; give the identifier a segment of its own', at: '8:10-8:19', severity: 1 },
  ]);
});

test('path-id-alternation: traps that pass (singletons, namespaces, versions, compound keys, custom methods, extensions)', () => {
  const doc = paths(
    '/users/{id}/profile',
    '/users/{id}/settings/notifications',
    '/api/v1/users/{userId}/orders/{orderId}',
    '/{apiVersion}/users/{id}',
    '/v{version}/users',
    '/repos/{owner}/{repo}/issues/{issue_number}',
    '/packages/{package_type}/{package_name}',
    '/stats/{year}/{month}',
    '/actors/{actor_type}/{actor_id}',
    '/dms/{user_id_1}/{user_id_2}',
    '/users/{id}/sessions/{type}/{session_id}',
    '/rates/{from},{to}',
    '/repos/{owner}/{repo}/compare/{base}...{head}',
    '/orders/{orderId}:cancel',
    '/files/{fileId}/thumbnail.{format}',
    '/files/{fileId}#get_shared_link',
  );
  assert.deepEqual(findingsOf(lintText(doc), 'path-id-alternation'), []);
});

test('path-id-alternation: Swagger 2.0 (the basePath is not part of the check)', () => {
  const doc = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nbasePath: /{tenant}\npaths:\n  /users/{userId}/{orderId}:\n${ok}  /users/{userId}:\n${ok}`;
  assert.deepEqual(findingsOf(lintText(doc), 'path-id-alternation'), [
    {
      message: '"/users/{userId}/{orderId}": "{orderId}" directly follows "{userId}" with no collection between them; insert the collection "{orderId}" belongs to',
      at: '5:19-5:28',
      severity: 1,
    },
  ]);
});

test('path-id-alternation: a JSON document', () => {
  const doc = `{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {"/{id}": {}}}`;
  assert.deepEqual(findingsOf(lintText(doc), 'path-id-alternation'), [
    { message: '"/{id}" starts with the parameter "{id}"; put the collection it identifies in front of it', at: '1:74-1:78', severity: 1 },
  ]);
});
