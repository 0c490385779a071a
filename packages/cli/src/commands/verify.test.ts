import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildRevocationList, buildTrustList, generateSigningKey, signDocument, signPass, trustListToJson } from '@epigrid/pass';

const bin = fileURLToPath(new URL('../../bin/epigrid.js', import.meta.url));
const dcc = fileURLToPath(new URL('../../../../../shared/data/dgc-testdata/DE/2DCode/', import.meta.url));

/** Runs `epigrid verify …` and returns its exit status and output. */
function epigridVerify(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, 'verify', ...args], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

describe('epigrid verify', () => {
  it('checks a pass against a signed or plain trust list: 0 valid, 1 expired or revoked, 2 usage error; and reads a QR image', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'epigrid-verify-'));
    try {
      const key = await generateSigningKey('310000');
      const text = await signPass({ subject: 'psn-1', colour: 'yellow', reasonCode: 'R-COMPANION', passId: 'pass-42', issuedAt: new Date('2026-11-28T00:00:00Z'), expiresAt: new Date('2026-12-01T00:00:00Z') }, key);
      const trustFile = join(dir, 'trust.json');
      writeFileSync(trustFile, await signDocument(trustListToJson(buildTrustList('310000', [{ key }])), key));
      const plainTrustFile = join(dir, 'trust-plain.json');
      writeFileSync(plainTrustFile, trustListToJson(buildTrustList('310000', [{ key }])));
      const revokedFile = join(dir, 'revoked.json');
      writeFileSync(revokedFile, JSON.stringify(buildRevocationList('310000', { passes: ['pass-42'] })));
      const certFile = join(dir, 'de.cert');
      const vector = existsSync(`${dcc}raw/1.json`) ? (await import(`${dcc}raw/1.json`, { with: { type: 'json' } })).default : undefined;
      if (vector) writeFileSync(certFile, vector.TESTCTX.CERTIFICATE);

      const [valid, expired, revoked, usage, image] = await Promise.all([
        epigridVerify(['--trust-list', trustFile, '--at', '2026-11-29T00:00:00Z', '--json', text]),
        epigridVerify(['--trust-list', trustFile, '--at', '2026-12-02T00:00:00Z', text]),
        epigridVerify(['--trust-list', plainTrustFile, '--revocations', revokedFile, '--at', '2026-11-29T00:00:00Z', text]),
        epigridVerify(['--trust-list', trustFile, '--cert', trustFile, text]),
        vector ? epigridVerify(['--cert', certFile, '--at', '2021-06-01T20:00:00+02:00', '--image', `${dcc}png/1.png`]) : undefined,
      ]);

      assert.equal(valid.status, 0, valid.stderr);
      const report = JSON.parse(valid.stdout);
      assert.equal(report.valid, true);
      assert.equal(report.content.pass.colour, 'yellow');
      assert.deepEqual(report.steps.map((s: any) => [s.step, s.ok]), ['prefix', 'base45', 'zlib', 'cose', 'cbor', 'signature', 'expiry', 'revocation'].map((s) => [s, true]));

      assert.equal(expired.status, 1);
      assert.match(expired.stdout, /NOT VALID/);
      assert.match(expired.stdout, /✗ expiry +expired 2026-12-01/);
      assert.match(expired.stdout, /✓ signature/);

      assert.equal(revoked.status, 1);
      assert.match(revoked.stdout, /✗ revocation pass pass-42 revoked/);

      assert.equal(usage.status, 2);
      assert.match(usage.stderr, /not both/);

      assert.ok(image, 'dgc-testdata is beside the repository');
      assert.equal(image.status, 0, image.stdout + image.stderr);
      assert.match(image.stdout, /EU Digital COVID Certificate: VALID/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
