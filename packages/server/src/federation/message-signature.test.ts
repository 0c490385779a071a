import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FederationPayload } from '@epigrid/core';
import { generateInstanceKey, instanceKeyFromPem, jwkThumbprint, verifyEnvelope } from './message-signature.js';

const payload: FederationPayload = {
  v: 1,
  kind: 'referral_outcome',
  messageId: '6f1c3f0e-2b7a-4a55-9d1e-0c8b2a7e5d44',
  from: 'city-b',
  to: 'city-a',
  sentAt: '2026-03-01T10:00:00.000Z',
  body: { referralMessageId: '0b6e7a52-8c1f-4d0e-9a55-2f8f0c3e8a11', code: 'reached', note: null, recordedAt: '2026-03-01T09:30:00.000Z' },
};

describe('ES256 message signatures', () => {
  const key = generateInstanceKey();

  it('verifies what it signed, with the key id being the RFC 7638 thumbprint', () => {
    const envelope = key.seal(payload);
    assert.equal(envelope.keyId, jwkThumbprint(key.publicJwk));
    assert.equal(Buffer.from(envelope.signature, 'base64url').length, 64);
    assert.equal(verifyEnvelope(envelope, key.publicJwk), true);
  });

  it('survives a round trip of the private key through PEM', () => {
    const again = instanceKeyFromPem(key.privatePem);
    assert.deepEqual(again.publicJwk, key.publicJwk);
    assert.equal(verifyEnvelope(again.seal(payload), key.publicJwk), true);
  });

  it('refuses a changed payload, a changed signature and another key', () => {
    const envelope = key.seal(payload);
    const tampered = { ...envelope, payload: { ...payload, body: { ...payload.body, code: 'refused' } } } as typeof envelope;
    assert.equal(verifyEnvelope(tampered, key.publicJwk), false);
    const flipped = Buffer.from(envelope.signature, 'base64url');
    flipped[10] = flipped[10]! ^ 1;
    assert.equal(verifyEnvelope({ ...envelope, signature: flipped.toString('base64url') }, key.publicJwk), false);
    const other = generateInstanceKey();
    assert.equal(verifyEnvelope(envelope, other.publicJwk), false);
    assert.equal(verifyEnvelope({ ...other.seal(payload), keyId: envelope.keyId }, key.publicJwk), false);
  });
});
