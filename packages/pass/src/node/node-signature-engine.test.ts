import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { fromHex } from '../bytes.js';
import { webCryptoEngine } from '../cose/signature-engine.js';
import { signPass } from '../issue-pass.js';
import { generateSigningKey } from '../keys/signing-key.js';
import { buildTrustList } from '../trust/trust-list.js';
import { TrustStore } from '../trust/trust-store.js';
import { verifyCose, verifyText } from '../verify/verify-text.js';
import { nodeCryptoEngine } from './node-signature-engine.js';

const claims = { subject: 'psn-1', colour: 'green' as const, reasonCode: 'R', issuedAt: new Date('2026-11-28T00:00:00Z'), expiresAt: new Date('2026-11-29T00:00:00Z') };
const at = new Date('2026-11-28T12:00:00Z');

describe('node:crypto signature engine', () => {
  it('makes signatures WebCrypto verifies and verifies WebCrypto\'s', async () => {
    const key = await generateSigningKey('310000');
    const trust = await TrustStore.fromTrustLists([buildTrustList('310000', [{ key }])]);
    assert.equal((await verifyText(await signPass(claims, key, nodeCryptoEngine), { trust, at, engine: webCryptoEngine })).valid, true);
    assert.equal((await verifyText(await signPass(claims, key, webCryptoEngine), { trust, at, engine: nodeCryptoEngine })).valid, true);
    const other = await generateSigningKey('310000');
    const forged = await signPass(claims, { ...other, kid: key.kid, kidText: key.kidText, protectedHeader: key.protectedHeader }, nodeCryptoEngine);
    assert.equal((await verifyText(forged, { trust, at, engine: nodeCryptoEngine })).valid, false);
  });

  it('verifies DCC RSA-PSS (PS256) and ES256 vectors like WebCrypto', async () => {
    const dir = fileURLToPath(new URL('../../../../../shared/data/dgc-testdata/common/2DCode/raw/', import.meta.url));
    assert.ok(existsSync(dir), 'dgc-testdata is beside the repository');
    for (const [file, expected] of [['CO1.json', true], ['CO2.json', true], ['CO3.json', true], ['CO5.json', false]] as const) {
      const v = JSON.parse(readFileSync(`${dir}${file}`, 'utf8'));
      const trust = await TrustStore.fromCertificates([v.TESTCTX.CERTIFICATE]);
      const report = await verifyCose('dcc', fromHex(v.COSE), { trust, at: new Date(v.TESTCTX.VALIDATIONCLOCK), engine: nodeCryptoEngine });
      assert.equal(report.steps.find((s) => s.step === 'signature')?.ok, expected, file);
    }
  });
});
