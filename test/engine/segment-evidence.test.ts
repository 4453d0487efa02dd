import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defineRule } from '../../src/engine/rule';
import { segmentEvidence, type SegmentEvidence } from '../../src/engine/model/segment-evidence';
import type { DocumentNode } from '../../src/engine/walk/nodes';
import { lintText, openapi } from '../helpers/lint-text';

/** The evidence of a document, through a rule that reads it as the naming rules do. */
function evidenceOf(doc: string): { evidence: SegmentEvidence; document: DocumentNode } {
  let found: { evidence: SegmentEvidence; document: DocumentNode } | undefined;
  const rule = defineRule({
    meta: { id: 'evidence-probe', group: 'naming', severity: 'warn', description: 'reads the evidence', sources: [], fix: 'no', messages: {} },
    create: () => ({ 'Document:exit': (document) => void (found = { evidence: segmentEvidence(document), document }) }),
  });
  lintText(doc, { rules: [rule], config: 'rules:\n  evidence-probe: warn\n' });
  assert.ok(found);
  return found;
}

const op = (method: string, fields = '') => `    ${method}:\n${fields}      responses:\n        '200': { description: ok }\n`;

test('segment evidence: a POST-only last segment after a parameter is an action when its own text uses the word as a verb', () => {
  const { evidence, document } = evidenceOf(
    openapi(
      `  /users/{id}/suspend:\n${op('post', '      operationId: suspendUser\n')}` +
        `  /freezers/{id}/defrost:\n${op('post', '      description: <p>Defrosts the freezer.</p>\n')}` +
        `  /jobs/{id}/rerun:\n${op('put', '      summary: Re-run a job\n')}` +
        `  /v1/charges/{charge}/capture:\n${op('post', '      operationId: PostChargesChargeCapture\n')}` +
        `  /payments/{id}/captures:\n${op('post', '      summary: Captures a payment\n')}` +
        `  /users/{id}/block:\n${op('post', '      summary: Block a user\n')}${op('get', '      summary: Block a user\n')}` +
        `  /suspend:\n${op('post', '      summary: Suspend everything\n')}`,
    ),
  );
  const actions = document.pathItems.map((item) => `${item.path} ${evidence.actionOf(item) ?? '-'}`);
  assert.deepEqual(actions, [
    '/users/{id}/suspend suspend',
    '/freezers/{id}/defrost defrost',
    '/jobs/{id}/rerun rerun',
    // An operationId derived from the path, a plural, a path that also answers GET, a segment not after a parameter: no evidence.
    '/v1/charges/{charge}/capture -',
    '/payments/{id}/captures -',
    '/users/{id}/block -',
    '/suspend -',
  ]);
});

test('segment evidence: names followed by a parameter or answered by GET are nouns, however they are written', () => {
  const { evidence } = evidenceOf(openapi(`  /process_definitions/{id}:\n${op('get')}  /orders/{id}/returns:\n${op('get')}  /orders/{id}/cancel:\n${op('post')}`));
  assert.deepEqual([...evidence.nouns].sort(), ['orders', 'process-definitions', 'returns']);
});
