import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHabit, shareText } from '../../src/engine/habits';
import { defineRule } from '../../src/engine/rule';
import { operationName } from '../../src/engine/walk/nodes';
import { lintText, openapi } from '../helpers/lint-text';

test('a habit is more than half of the checked operations, and at least 5 of them', () => {
  assert.deepEqual([isHabit(5, 9), isHabit(5, 10), isHabit(4, 4), isHabit(6, 6)], [true, false, false, true]);
  assert.deepEqual([shareText(6, 6), shareText(5, 9)], ['all 6', '5 of 9']);
});

test('a habit report without its meta.habits message is a bug of the rule, said by name', () => {
  const rule = defineRule({
    meta: { id: 'test-habit', group: 'naming', severity: 'warn', description: 't', sources: [], fix: 'no', messages: { one: 'x' } },
    create: (context) => ({ Operation: (operation) => context.report({ messageId: 'one', at: operation.loc, usedBy: operationName(operation), habit: 'missing' }) }),
  });
  const doc = openapi(`  /a:\n    get:\n      responses:\n        '200': { description: ok }\n`);
  assert.throws(() => lintText(doc, { rules: [rule] }), /rule test-habit reported habit "missing" without its meta.habits message or usedBy/);
});
