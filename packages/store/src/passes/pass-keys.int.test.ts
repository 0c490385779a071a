import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SqlClient } from '../db/sql-client.js';
import { createIdentifierVault } from '../protect/identifier-vault.js';
import { insertRegion } from '../regions/region-registry.js';
import { testBackends } from '../testing/test-databases.js';
import { currentSigningKey, listPassPublicKeys, revokeSigningKey, rotateSigningKey } from './pass-keys.js';

const vault = createIdentifierVault('c4'.repeat(32));
const t0 = new Date('2026-03-01T00:00:00Z');
const later = (hours: number): Date => new Date(t0.getTime() + hours * 3_600_000);

for (const backend of testBackends()) {
  describe(`pass signing keys on ${backend.name}`, () => {
    let db: SqlClient;
    let path: string;
    before(async () => {
      db = await backend.open();
      path = (await insertRegion(db, { code: 'PK1', parentId: null, level: 'province', nameZh: '钥省', nameEn: 'Key province' })).path;
    });
    after(async () => db.close());

    it('creates one key on first use, even under concurrent first uses, and seals its private half', async () => {
      const keys = await Promise.all([1, 2, 3].map(() => currentSigningKey(db, vault, 'PK1', path, t0)));
      assert.equal(new Set(keys.map((k) => k.kid)).size, 1);
      const stored = await db.query<{ sealed: string }>('SELECT private_jwk_sealed AS sealed FROM pass_signing_key WHERE jurisdiction = $1', ['PK1']);
      assert.equal(stored.rows.length, 1);
      assert.ok(!stored.rows[0]!.sealed.includes(keys[0]!.privateJwk.d!), 'the private scalar is not stored in clear');

      assert.equal(keys[0]!.kid.length, 12, 'eight bytes in base64');

    });

    it('rotation retires the old key but keeps it published; revocation is published too', async () => {
      const first = await currentSigningKey(db, vault, 'PK1', path, t0);
      const rotated = await rotateSigningKey(db, vault, 'PK1', path, later(1));
      assert.equal(rotated.retiredKid, first.kid);
      assert.notEqual(rotated.current.kid, first.kid);
      assert.equal((await currentSigningKey(db, vault, 'PK1', path, later(2))).kid, rotated.current.kid);
      assert.equal(await revokeSigningKey(db, first.kid, 'key compromised', later(3)), true);
      assert.equal(await revokeSigningKey(db, first.kid, 'again', later(4)), false);
      const published = await listPassPublicKeys(db, 'PK1');
      assert.deepEqual(
        published.map((k) => [k.kid, k.retiredAt?.toISOString() ?? null, k.revokedAt?.toISOString() ?? null]),
        [
          [first.kid, later(1).toISOString(), later(3).toISOString()],
          [rotated.current.kid, null, null],
        ],
      );
    });

    it('a revoked current key is replaced on the next use', async () => {
      const current = await currentSigningKey(db, vault, 'PK1', path, later(5));
      await revokeSigningKey(db, current.kid, 'lost', later(6));
      const next = await currentSigningKey(db, vault, 'PK1', path, later(7));
      assert.notEqual(next.kid, current.kid);
    });
  });
}
