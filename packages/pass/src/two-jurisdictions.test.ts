// Mutual recognition between two EpiGrid instances (two provinces), each with its own keys: they
// exchange signed trust lists, verify each other's passes and place codes offline, and stop
// accepting them after a key revocation or the pass's expiry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signPass, signPlaceCode } from './issue-pass.js';
import type { SigningKey } from './keys/signing-key.js';
import { generateSigningKey } from './keys/signing-key.js';
import { buildRevocationList, mergeRevocations, parseRevocationList } from './trust/revocation-list.js';
import type { RevocationList } from './trust/revocation-list.js';
import { openDocument, signDocument } from './trust/signed-document.js';
import { buildTrustList, parseTrustList, trustListToJson } from './trust/trust-list.js';
import type { TrustList } from './trust/trust-list.js';
import { TrustStore } from './trust/trust-store.js';
import { verifyText } from './verify/verify-text.js';

/** One EpiGrid instance as far as passes go: its keys, what it publishes, what it recognises. */
class Province {
  readonly keys: Array<{ key: SigningKey; notBefore: Date; notAfter?: Date; revokedAt?: Date }> = [];
  private readonly recognised = new Map<string, TrustList>();
  private revocations: RevocationList[] = [];
  trust: TrustStore = TrustStore.empty();

  constructor(readonly code: string) {}

  async rotateKey(at: Date): Promise<SigningKey> {
    const previous = this.keys.at(-1);
    if (previous) previous.notAfter = at;
    const key = await generateSigningKey(this.code);
    this.keys.push({ key, notBefore: at });
    await this.refresh();
    return key;
  }

  current(): SigningKey {
    return this.keys.at(-1)!.key;
  }

  async revoke(kid: string, at: Date): Promise<void> {
    this.keys.find((k) => k.key.kidText === kid)!.revokedAt = at;
    await this.refresh();
  }

  /** The signed trust list this province sends to the others (on rotation, signed with the key they already trust). */
  publishTrustList(at: Date, signer: SigningKey = this.current()): Promise<string> {
    return signDocument(trustListToJson(buildTrustList(this.code, this.keys, at)), signer);
  }

  /** Takes another province's trust list: the first one against a key id exchanged out of band, later ones against the keys already trusted. */
  async importTrustList(text: string, pinnedKids: readonly string[] = []): Promise<void> {
    const opened = await openDocument(text, { trust: this.trust, pinnedKids });
    const list = parseTrustList(opened.json);
    assert.ok(list.keys.every((k) => k.jurisdiction === list.issuer), 'a province lists only its own keys');
    this.recognised.set(list.issuer, list);
    await this.refresh();
  }

  async importRevocations(text: string): Promise<void> {
    this.revocations.push(parseRevocationList((await openDocument(text, { trust: this.trust })).json));
  }

  verify(text: string, at: Date): ReturnType<typeof verifyText> {
    return verifyText(text, { trust: this.trust, at, revocations: mergeRevocations(this.revocations) });
  }

  private async refresh(): Promise<void> {
    const own = buildTrustList(this.code, this.keys);
    this.trust = await TrustStore.fromTrustLists([own, ...[...this.recognised.values()].filter((l) => l.issuer !== this.code)]);
  }
}

const day = (d: number, h = 0): Date => new Date(Date.UTC(2026, 10, d, h));
const failedSteps = async (report: ReturnType<typeof verifyText>): Promise<string[]> => (await report).steps.filter((s) => !s.ok).map((s) => s.step);

describe('two provinces recognise each other\'s passes', () => {
  it('exchange trust lists, verify passes and place codes, then reject after revocation and expiry', async () => {
    const shanghai = new Province('310000');
    const guangdong = new Province('440000');
    await shanghai.rotateKey(day(1));
    await guangdong.rotateKey(day(1));

    // Bootstrap: the key ids are exchanged out of band; the lists are signed.
    await guangdong.importTrustList(await shanghai.publishTrustList(day(2)), [shanghai.current().kidText]);
    await shanghai.importTrustList(await guangdong.publishTrustList(day(2)), [guangdong.current().kidText]);

    const pass = await signPass({ subject: 'psn-sh-1', colour: 'green', reasonCode: 'R-NO-EXPOSURE', issuedAt: day(10), expiresAt: day(12) }, shanghai.current());
    const place = await signPlaceCode({ venueId: 'GD-V-7', name: '天河菜市场', regionCode: '440106', lat: 23.13, lon: 113.36, issuedAt: day(3) }, guangdong.current());
    const gdPass = await signPass({ subject: 'psn-gd-1', colour: 'red', reasonCode: 'R-CONFIRMED-CASE', issuedAt: day(10), expiresAt: day(20) }, guangdong.current());

    const seenInGuangdong = await guangdong.verify(pass, day(11));
    assert.equal(seenInGuangdong.valid, true, JSON.stringify(seenInGuangdong.steps));
    assert.equal(seenInGuangdong.verifiedBy, '310000');
    assert.equal((await shanghai.verify(place, day(11))).valid, true);
    assert.equal((await shanghai.verify(gdPass, day(11))).valid, true);

    // A third province nobody recognises.
    const hubei = new Province('420000');
    await hubei.rotateKey(day(1));
    const stranger = await signPass({ subject: 'psn-hb-1', colour: 'green', reasonCode: 'R-NO-EXPOSURE', issuedAt: day(10), expiresAt: day(12) }, hubei.current());
    assert.deepEqual(await failedSteps(guangdong.verify(stranger, day(11))), ['signature']);

    // Expiry.
    assert.deepEqual(await failedSteps(guangdong.verify(pass, day(12, 1))), ['expiry']);

    // Rotation: Shanghai signs with a new key; passes of the old key stay valid until revoked.
    const oldKey = shanghai.current();
    const oldKid = oldKey.kidText;
    await shanghai.rotateKey(day(11));
    await guangdong.importTrustList(await shanghai.publishTrustList(day(11), oldKey));
    const newPass = await signPass({ subject: 'psn-sh-2', colour: 'yellow', reasonCode: 'R-COMPANION', issuedAt: day(11, 6), expiresAt: day(13) }, shanghai.current());
    assert.equal((await guangdong.verify(newPass, day(11, 12))).valid, true);
    assert.equal((await guangdong.verify(pass, day(11, 12))).valid, true);

    // Shanghai revokes the old key (compromised): its updated trust list says so, and Guangdong rejects.
    await shanghai.revoke(oldKid, day(11, 13));
    await guangdong.importTrustList(await shanghai.publishTrustList(day(11, 13)));
    assert.deepEqual(await failedSteps(guangdong.verify(pass, day(11, 14))), ['revocation']);
    assert.equal((await guangdong.verify(newPass, day(11, 14))).valid, true);

    // A list signed with the revoked key is refused; a signed revocation list revokes a single pass.
    await assert.rejects(guangdong.importTrustList(await shanghai.publishTrustList(day(11, 14), oldKey)), /revoked/);
    const newPassId = passIdOf(await shanghai.verify(newPass, day(11, 14)));
    await guangdong.importRevocations(await signDocument(JSON.stringify(buildRevocationList('310000', { passes: [newPassId] })), shanghai.current()));
    assert.deepEqual(await failedSteps(guangdong.verify(newPass, day(11, 15))), ['revocation']);
  });

  it('refuses a trust list that is neither signed by a trusted key nor pinned, or that was altered', async () => {
    const a = new Province('310000');
    const b = new Province('440000');
    await a.rotateKey(day(1));
    await b.rotateKey(day(1));
    const published = await a.publishTrustList(day(2));
    await assert.rejects(b.importTrustList(published), /neither trusted nor pinned/);
    const outer = JSON.parse(published);
    const forged = Buffer.from(outer.cose, 'base64');
    forged[forged.length - 70]! ^= 0x01; // a byte of the payload, just before the 64-byte signature
    await assert.rejects(b.importTrustList(JSON.stringify({ ...outer, cose: forged.toString('base64') }), [a.current().kidText]), /signed document|JSON|trust list/);
  });
});

function passIdOf(report: Awaited<ReturnType<typeof verifyText>>): string {
  assert.equal(report.content?.kind, 'pass');
  return report.content.kind === 'pass' ? report.content.pass.passId : '';
}
