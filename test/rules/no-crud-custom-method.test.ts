import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ID = 'no-crud-custom-method';
const item = (path: string) => `  ${path}:\n    post:\n      responses:\n        '200': { description: ok }\n`;
const crud = (doc: string) => findingsOf(lintText(doc), ID);

test('no-crud-custom-method: a custom method that restates Delete, at the ":delete"', () => {
  assert.deepEqual(crud(openapi(item('/orders/{orderId}:delete'))), [
    {
      message: '"/orders/{orderId}:delete": custom method ":delete" restates the standard Delete method; use DELETE "/orders/{orderId}" instead',
      at: '4:20-4:27',
      severity: 1,
    },
  ]);
});

test('no-crud-custom-method: List and Create target the collection, Get and Update the item', () => {
  const doc = openapi(item('/orders:list') + item('/orders/{id}:create') + item('/orders/{id}:get') + item('/orders/{id}:update'));
  assert.deepEqual(crud(doc), [
    {
      message: '"/orders:list": custom method ":list" restates the standard List method; use GET "/orders" instead',
      at: '4:10-4:15',
      severity: 1,
    },
    {
      message: '"/orders/{id}:create": custom method ":create" restates the standard Create method; use POST "/orders" instead',
      at: '8:15-8:22',
      severity: 1,
    },
    {
      message: '"/orders/{id}:get": custom method ":get" restates the standard Get method; use GET "/orders/{id}" instead',
      at: '12:15-12:19',
      severity: 1,
    },
    {
      message: '"/orders/{id}:update": custom method ":update" restates the standard Update method; use PATCH "/orders/{id}" instead',
      at: '16:15-16:22',
      severity: 1,
    },
  ]);
});

test('no-crud-custom-method: a CRUD verb with the resource\'s own name', () => {
  const doc = openapi(item('/orders:createOrder') + item('/orders/{id}:deleteOrder') + item('/users:listUsers'));
  assert.deepEqual(
    crud(doc).map((finding) => finding.message),
    [
      '"/orders:createOrder": custom method ":createOrder" restates the standard Create method; use POST "/orders" instead',
      '"/orders/{id}:deleteOrder": custom method ":deleteOrder" restates the standard Delete method; use DELETE "/orders/{id}" instead',
      '"/users:listUsers": custom method ":listUsers" restates the standard List method; use GET "/users" instead',
    ],
  );
});

test('no-crud-custom-method: real actions, batch methods, verbs with another object and Express parameters pass', () => {
  const doc = openapi(
    [
      '/orders/{id}:cancel',
      '/orders/{id}:undelete',
      '/orders:batchCreate',
      '/orders:batchGet',
      '/orders:batchDelete',
      '/books/{id}:addAuthor',
      '/books/{id}:removeAuthor',
      '/books/{id}:getIamPolicy',
      '/metadata_taxonomies/{ns}/{key}/levels:append',
      '/profiles/:id',
      '/keys/{a}:{b}',
    ]
      .map(item)
      .join(''),
  );
  assert.deepEqual(crud(doc), []);
});
