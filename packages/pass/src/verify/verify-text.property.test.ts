import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { encodeBase45 } from '../codec/base45.js';
import { compressZlib } from '../codec/zlib.js';
import { TrustStore } from '../trust/trust-store.js';
import { verifyText } from './verify-text.js';

const trust = TrustStore.empty();
const prefixes = fc.constantFrom('EGP1:', 'EGV1:', 'HC1:', '', 'HC2:');
const at = new Date('2026-11-28T00:00:00Z');

async function assertRejectedCleanly(text: string): Promise<void> {
  const report = await verifyText(text, { trust, at });
  assert.equal(report.valid, false);
  assert.ok(report.steps.length > 0);
  assert.ok(report.steps.some((s) => !s.ok), 'some step must fail');
}

describe('verifyText on arbitrary input', () => {
  it('never throws on any string: it reports a failed step', async () => {
    await fc.assert(fc.asyncProperty(prefixes, fc.string({ maxLength: 200 }), (p, s) => assertRejectedCleanly(p + s)), { numRuns: 300 });
  });

  it('never throws on any bytes behind a valid base45 layer', async () => {
    await fc.assert(fc.asyncProperty(prefixes, fc.uint8Array({ maxLength: 300 }), (p, b) => assertRejectedCleanly(p + encodeBase45(b))), { numRuns: 300 });
  });

  it('never throws on any bytes behind valid base45 and zlib layers', async () => {
    await fc.assert(
      fc.asyncProperty(prefixes, fc.uint8Array({ maxLength: 300 }), (p, b) => assertRejectedCleanly(p + encodeBase45(compressZlib(b)))),
      { numRuns: 300 },
    );
  });

  it('never throws on well-formed CBOR arrays of four items with arbitrary content', async () => {
    const { encodeCbor } = await import('../cbor.js');
    const item = fc.oneof(fc.uint8Array({ maxLength: 40 }), fc.integer(), fc.string({ maxLength: 10 }), fc.constant(new Map()));
    await fc.assert(
      fc.asyncProperty(prefixes, fc.tuple(item, item, item, item), (p, parts) => assertRejectedCleanly(p + encodeBase45(compressZlib(encodeCbor(parts))))),
      { numRuns: 300 },
    );
  });
});
