import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { decodeBase45, encodeBase45 } from '../codec/base45.js';
import { compressZlib, decompressZlib } from '../codec/zlib.js';
import { encodeCoseSign1, parseCoseSign1 } from '../cose/cose-sign1.js';
import { encodePassClaims } from '../cwt/pass-claims.js';
import { sealPayload, signPass, signPlaceCode } from '../issue-pass.js';
import type { SigningKey } from '../keys/signing-key.js';
import { generateSigningKey } from '../keys/signing-key.js';
import { buildRevocationList, mergeRevocations } from '../trust/revocation-list.js';
import { buildTrustList } from '../trust/trust-list.js';
import { TrustStore } from '../trust/trust-store.js';
import type { VerificationReport } from './report.js';
import { verifyText } from './verify-text.js';

const issuedAt = new Date('2026-11-28T08:00:00Z');
const expiresAt = new Date('2026-11-29T08:00:00Z');
const noon = new Date('2026-11-28T12:00:00Z');
const green = { subject: 'psn-7f3a', colour: 'green' as const, reasonCode: 'R-NO-EXPOSURE', issuedAt, expiresAt };

function failed(report: VerificationReport): string[] {
  return report.steps.filter((s) => !s.ok).map((s) => s.step);
}

/** Rewrites the COSE inside a pass text; the signature is left as it was. */
function tamper(text: string, change: (cose: ReturnType<typeof parseCoseSign1>) => Uint8Array): string {
  const cose = parseCoseSign1(decompressZlib(decodeBase45(text.slice(5))));
  return text.slice(0, 5) + encodeBase45(compressZlib(change(cose)));
}

describe('verifyText on EpiGrid passes', () => {
  let key: SigningKey;
  let trust: TrustStore;
  before(async () => {
    key = await generateSigningKey('310000');
    trust = await TrustStore.fromTrustLists([buildTrustList('310000', [{ key }])]);
  });

  it('accepts a fresh pass and returns its claims and every step', async () => {
    const report = await verifyText(await signPass({ ...green, passId: 'pass-1' }, key), { trust, at: noon });
    assert.equal(report.valid, true);
    assert.deepEqual(report.steps.map((s) => s.step), ['prefix', 'base45', 'zlib', 'cose', 'cbor', 'signature', 'expiry', 'revocation']);
    assert.equal(report.verifiedBy, '310000');
    assert.equal(report.kid, key.kidText);
    assert.deepEqual(report.content, { kind: 'pass', pass: { ...green, passId: 'pass-1', jurisdiction: '310000' } });
  });

  it('rejects a pass whose claims were altered after signing', async () => {
    const text = await signPass(green, key);
    const forged = tamper(text, (cose) => encodeCoseSign1(cose.protectedBytes, encodePassClaims({ ...green, colour: 'green', passId: 'x', jurisdiction: '310000', expiresAt: new Date('2027-01-01T00:00:00Z') }), cose.signature));
    const report = await verifyText(forged, { trust, at: noon });
    assert.equal(report.valid, false);
    assert.deepEqual(failed(report), ['signature']);
  });

  it('rejects a flipped signature byte', async () => {
    const text = await signPass(green, key);
    const forged = tamper(text, (cose) => {
      const signature = cose.signature.slice();
      signature[10]! ^= 0x40;
      return encodeCoseSign1(cose.protectedBytes, cose.payload, signature);
    });
    assert.deepEqual(failed(await verifyText(forged, { trust, at: noon })), ['signature']);
  });

  it('rejects a pass signed by a key the verifier does not trust', async () => {
    const stranger = await generateSigningKey('310000');
    const report = await verifyText(await signPass(green, stranger), { trust, at: noon });
    assert.deepEqual(failed(report), ['signature']);
    assert.match(report.steps.find((s) => s.step === 'signature')!.detail, /no trusted key/);
  });

  it('rejects a pass whose issuer claim is not the key\'s jurisdiction', async () => {
    const payload = encodePassClaims({ ...green, passId: 'p', jurisdiction: '440000' });
    const report = await verifyText(`EGP1:${await sealPayload(payload, key)}`, { trust, at: noon });
    assert.deepEqual(failed(report), ['signature']);
    assert.match(report.steps.find((s) => s.step === 'signature')!.detail, /belongs to 310000/);
  });

  it('rejects an expired pass and one checked before it was issued', async () => {
    const text = await signPass(green, key);
    assert.deepEqual(failed(await verifyText(text, { trust, at: new Date('2026-11-29T08:00:01Z') })), ['expiry']);
    assert.deepEqual(failed(await verifyText(text, { trust, at: new Date('2026-11-28T07:59:59Z') })), ['expiry']);
    assert.equal((await verifyText(text, { trust, at: expiresAt })).valid, true);
  });

  it('rejects passes of a key revoked in the trust list, from the revocation moment on', async () => {
    const revokedAt = new Date('2026-11-28T10:00:00Z');
    const revokedTrust = await TrustStore.fromTrustLists([buildTrustList('310000', [{ key, revokedAt }])]);
    const text = await signPass(green, key);
    assert.equal((await verifyText(text, { trust: revokedTrust, at: new Date('2026-11-28T09:00:00Z') })).valid, true);
    assert.deepEqual(failed(await verifyText(text, { trust: revokedTrust, at: noon })), ['revocation']);
  });

  it('rejects revoked keys, passes and subjects of a revocation list', async () => {
    const text = await signPass({ ...green, passId: 'pass-9' }, key);
    const check = async (entries: Parameters<typeof buildRevocationList>[1]): Promise<string[]> =>
      failed(await verifyText(text, { trust, at: noon, revocations: mergeRevocations([buildRevocationList('310000', entries)]) }));
    assert.deepEqual(await check({ keys: [{ kid: key.kidText, revokedAt: issuedAt }] }), ['revocation']);
    assert.deepEqual(await check({ passes: ['pass-9'] }), ['revocation']);
    assert.deepEqual(await check({ subjects: ['psn-7f3a'] }), ['revocation']);
    assert.deepEqual(await check({ passes: ['pass-8'], subjects: ['psn-0000'] }), []);
  });

  it('rejects a pass issued outside the key\'s signing period (rotation)', async () => {
    const rotated = await TrustStore.fromTrustLists([buildTrustList('310000', [{ key, notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2026-11-01T00:00:00Z') }])]);
    const report = await verifyText(await signPass(green, key), { trust: rotated, at: noon });
    assert.deepEqual(failed(report), ['signature']);
    assert.match(report.steps.find((s) => s.step === 'signature')!.detail, /stopped signing/);
  });

  it('verifies a place code, which has no expiry', async () => {
    const venue = { venueId: 'V-1024', name: '静安菜场', regionCode: '310106', lat: 31.2286, lon: 121.4478, issuedAt: new Date('2026-01-01T00:00:00Z') };
    const report = await verifyText(await signPlaceCode(venue, key), { trust, at: noon });
    assert.equal(report.valid, true);
    assert.deepEqual(report.content, { kind: 'place', place: { ...venue, jurisdiction: '310000' } });
  });

  it('stops at the first decoding step that fails', async () => {
    assert.deepEqual(failed(await verifyText('HX1:ABC', { trust })), ['prefix']);
    assert.deepEqual(failed(await verifyText('EGP1:abc', { trust })), ['base45']);
    assert.deepEqual(failed(await verifyText(`EGP1:${encodeBase45(new TextEncoder().encode('not zlib'))}`, { trust })), ['zlib']);
    assert.deepEqual(failed(await verifyText(`EGP1:${encodeBase45(compressZlib(Uint8Array.from([0x83, 1, 2, 3])))}`, { trust })), ['cose']);
  });
});
