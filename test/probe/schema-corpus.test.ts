// The prober's samples over real documents (../shared/corpus), as a robustness test: for a
// fixed subset of each document's schemas (its first 10 request and first 10 response schemas,
// in document order), the sample is accepted by the validator and the invalid value rejected.
// The full sweep, every schema of every document, is `npm run corpus-report -- --schemas`
// (scripts/corpus-schemas.ts). Skipped when the corpus folder is absent.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { MANIFEST, sweepCorpusSchemas } from '../../scripts/corpus-schemas';

const PER_DOCUMENT = 10;
const skip = existsSync(MANIFEST) ? false : `corpus not found (${MANIFEST})`;

describe('corpus: samples of the first request and response schemas of every document', { skip }, () => {
  test(`each sample is accepted and each invalid value rejected by the validator (${PER_DOCUMENT} + ${PER_DOCUMENT} schemas per document)`, (t) => {
    const result = sweepCorpusSchemas({ perDocument: PER_DOCUMENT });
    t.diagnostic(`${result.documents} documents, ${result.total} schemas: ${result.samplesOk} samples valid, ${result.failures.length} not; ${result.invalidOk} invalid values rejected, ${result.noInvalid} schemas without one (accept anything or not checkable: ${result.unchecked})`);
    for (const failure of result.failures.slice(0, 20)) t.diagnostic(failure);
    // The 39 documents of the corpus give 555 schemas today.
    assert.ok(result.total > 300, `found ${result.total} schemas`);
    assert.ok(result.samplesOk / result.total >= 0.97, `${result.failures.length} of ${result.total} samples rejected:\n${result.failures.slice(0, 20).join('\n')}`);
    assert.deepEqual(result.invalidAccepted, []);
  });
});
