import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportSigningKey, generateSigningKey, importSigningKey } from '../keys/signing-key.js';
import { buildRevocationList, mergeRevocations, parseRevocationList } from './revocation-list.js';
import { buildTrustList, mergeTrustLists, parseTrustList, trustListToJson } from './trust-list.js';
import { TrustStore } from './trust-store.js';

describe('trust lists', () => {
  it('round-trip through JSON with validity and revocation times', async () => {
    const key = await generateSigningKey('310000');
    const list = buildTrustList('310000', [{ key, notBefore: new Date('2026-01-01T00:00:00Z'), revokedAt: new Date('2026-12-01T00:00:00Z') }], new Date('2026-11-28T00:00:00Z'));
    assert.deepEqual(parseTrustList(JSON.parse(trustListToJson(list))), list);
  });

  it('name the field that is wrong', () => {
    assert.throws(() => parseTrustList({ format: 'other' }), /format/);
    assert.throws(() => parseTrustList({ format: 'epigrid-trust-list/1', issuer: 'A', issuedAt: '2026-11-28T00:00:00Z', keys: [{ kid: 'x', jurisdiction: 'A', publicJwk: { kty: 'RSA' } }] }), /keys\[0\]\.publicJwk/);
    assert.throws(() => parseTrustList({ format: 'epigrid-trust-list/1', issuer: 'A', issuedAt: 'yesterday', keys: [] }), /issuedAt/);
  });

  it('refuse a private key in a published list', async () => {
    const stored = await exportSigningKey(await generateSigningKey('310000'));
    const doc = { format: 'epigrid-trust-list/1', issuer: '310000', issuedAt: '2026-11-28T00:00:00Z', keys: [{ kid: stored.kid, jurisdiction: '310000', publicJwk: stored.privateJwk }] };
    assert.throws(() => parseTrustList(doc), /no private part/);
  });

  it('refuse a key id that does not match its key', async () => {
    const [a, b] = [await generateSigningKey('310000'), await generateSigningKey('310000')];
    const list = buildTrustList('310000', [{ key: { ...a, kidText: b.kidText } }]);
    await assert.rejects(TrustStore.fromTrustLists([list]), /does not match its public key/);
  });

  it('merge the lists of several jurisdictions, keeping the earliest revocation and refusing conflicts', async () => {
    const [a, b] = [await generateSigningKey('310000'), await generateSigningKey('440000')];
    const early = new Date('2026-11-01T00:00:00Z');
    const merged = mergeTrustLists([
      buildTrustList('310000', [{ key: a }]),
      buildTrustList('440000', [{ key: b }]),
      buildTrustList('310000', [{ key: a, revokedAt: early }]),
    ]);
    assert.equal(merged.length, 2);
    assert.deepEqual(merged.find((k) => k.kid === a.kidText)?.revokedAt, early);
    assert.throws(() => mergeTrustLists([buildTrustList('310000', [{ key: a }]), buildTrustList('440000', [{ key: { ...b, kidText: a.kidText } }])]), /two different keys/);
  });
});

describe('signing keys', () => {
  it('export and import with the same key id, refusing a wrong one', async () => {
    const key = await generateSigningKey('310000');
    const stored = await exportSigningKey(key);
    assert.equal((await importSigningKey(stored)).kidText, key.kidText);
    assert.equal(key.kid.length, 8);
    await assert.rejects(importSigningKey({ ...stored, kid: 'AAAAAAAAAAA=' }), /does not match/);
  });
});

describe('revocation lists', () => {
  it('round-trip through JSON and merge', () => {
    const list = buildRevocationList('310000', { keys: [{ kid: 'AQIDBAUGBwg=', revokedAt: new Date('2026-11-28T00:00:00Z') }], passes: ['p1'], subjects: ['s1'] }, new Date('2026-11-28T01:00:00Z'));
    const parsed = parseRevocationList(JSON.parse(JSON.stringify(list)));
    assert.deepEqual(parsed, list);
    const set = mergeRevocations([parsed, buildRevocationList('440000', { passes: ['p2'] })]);
    assert.deepEqual([...set.passes].sort(), ['p1', 'p2']);
    assert.throws(() => parseRevocationList({ ...JSON.parse(JSON.stringify(list)), passes: [3] }), /passes\[0\]/);
  });
});
