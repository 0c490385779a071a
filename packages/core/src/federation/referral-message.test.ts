import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { canonicalPayloadText, federationEnvelopeSchema, federationPayloadSchema, type FederationPayload } from './referral-message.js';

const referral: FederationPayload = {
  v: 1,
  kind: 'referral',
  messageId: '0b6e7a52-8c1f-4d0e-9a55-2f8f0c3e8a11',
  from: 'city-a',
  to: 'city-b',
  sentAt: '2026-03-01T08:00:00.000Z',
  body: {
    taskType: 'close_contact.verify',
    priority: 1,
    deadline: '2026-03-02T08:00:00.000Z',
    homeRegionCode: '440101',
    person: { name: '张三', residentId: '440101199001011234' },
    exposure: { kind: 'close_contact', lastExposureAt: '2026-02-28T19:00:00.000Z', caseReference: 'C-1', note: null },
  },
};

/** Rebuilds an object with its keys in a shuffled order, recursively. */
function shuffleKeys(value: unknown, order: readonly number[]): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, order));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const shuffled = entries.map((e, i) => ({ e, k: order[i % order.length]! })).sort((a, b) => a.k - b.k);
  return Object.fromEntries(shuffled.map(({ e: [k, v] }) => [k, shuffleKeys(v, order)]));
}

describe('federation messages', () => {
  it('accepts a well-formed referral', () => {
    assert.deepEqual(federationPayloadSchema.parse(referral), referral);
  });

  it('signs the same text whatever the order of keys', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 12 }), (order) => {
        const reordered = shuffleKeys(referral, order) as FederationPayload;
        assert.equal(canonicalPayloadText(reordered), canonicalPayloadText(referral));
      }),
    );
  });

  it('changes the signed text when any field changes', () => {
    const changed = { ...referral, body: { ...referral.body, deadline: '2026-03-03T08:00:00.000Z' } } as FederationPayload;
    assert.notEqual(canonicalPayloadText(changed), canonicalPayloadText(referral));
  });

  it('refuses a referral naming no identifier, naming the field', () => {
    const bad = { ...referral, body: { ...referral.body, person: { name: '张三' } } };
    const result = federationPayloadSchema.safeParse(bad);
    assert.equal(result.success, false);
    assert.ok(result.error!.issues.some((i) => i.path.join('.') === 'body.person.residentId'));
  });

  it('refuses unknown versions, kinds and malformed instance ids', () => {
    for (const bad of [{ ...referral, v: 2 }, { ...referral, kind: 'other' }, { ...referral, from: 'City A' }]) {
      assert.equal(federationPayloadSchema.safeParse(bad).success, false);
    }
  });

  it('requires a 64-byte signature', () => {
    const ok = { payload: referral, keyId: 'k', signature: 'A'.repeat(86) };
    assert.equal(federationEnvelopeSchema.safeParse(ok).success, true);
    assert.equal(federationEnvelopeSchema.safeParse({ ...ok, signature: 'A'.repeat(85) }).success, false);
  });
});
