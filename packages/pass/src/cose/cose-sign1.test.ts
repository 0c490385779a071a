import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cborTag, encodeCbor } from '../cbor.js';
import { COSE_ALG } from './algorithms.js';
import { CWT_TAG, COSE_SIGN1_TAG, encodeCoseSign1, encodeProtectedHeader, parseCoseSign1, sigStructure } from './cose-sign1.js';

const kid = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
const payload = Uint8Array.from([0xa1, 0x01, 0x61, 0x41]);
const signature = new Uint8Array(64).fill(9);

describe('COSE_Sign1', () => {
  it('round-trips a tagged message with alg and kid in the protected header', () => {
    const parsed = parseCoseSign1(encodeCoseSign1(encodeProtectedHeader(COSE_ALG.ES256, kid), payload, signature));
    assert.equal(parsed.alg, COSE_ALG.ES256);
    assert.deepEqual(parsed.kid, kid);
    assert.equal(parsed.kidSource, 'protected');
    assert.deepEqual(parsed.payload, payload);
    assert.deepEqual(parsed.signature, signature);
  });

  it('builds the RFC 9052 Sig_structure', () => {
    const protectedBytes = encodeProtectedHeader(COSE_ALG.ES256, kid);
    assert.deepEqual(sigStructure(protectedBytes, payload), encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload]));
    assert.equal(Buffer.from(sigStructure(protectedBytes, payload).subarray(0, 12)).toString('hex'), '846a5369676e617475726531');
  });

  it('takes the kid from the unprotected header when the protected one has none, and accepts a CWT tag', () => {
    const protectedBytes = encodeCbor(new Map([[1, COSE_ALG.ES256]]));
    const message = encodeCbor(cborTag(CWT_TAG, cborTag(COSE_SIGN1_TAG, [protectedBytes, new Map([[4, kid]]), payload, signature])));
    const parsed = parseCoseSign1(message);
    assert.equal(parsed.kidSource, 'unprotected');
    assert.deepEqual(parsed.kid, kid);
  });

  it('prefers the protected kid over an unprotected one', () => {
    const other = Uint8Array.from([9, 9, 9, 9, 9, 9, 9, 9]);
    const message = encodeCbor(cborTag(COSE_SIGN1_TAG, [encodeProtectedHeader(COSE_ALG.ES256, kid), new Map([[4, other]]), payload, signature]));
    assert.deepEqual(parseCoseSign1(message).kid, kid);
  });

  it('refuses structures that are not COSE_Sign1', () => {
    assert.throws(() => parseCoseSign1(encodeCbor([1, 2, 3])), /array of 4/);
    assert.throws(() => parseCoseSign1(encodeCbor(['x', new Map(), payload, signature])), /protected header/);
    assert.throws(() => parseCoseSign1(encodeCbor([new Uint8Array(0), new Map(), 'text', signature])), /payload/);
    assert.throws(() => parseCoseSign1(Uint8Array.from([0x00, 0x91])), /CBOR/);
  });
});
