import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { insertRegion, migrate, openPglite } from '@epigrid/store';

const BIN = fileURLToPath(new URL('../../bin/epigrid.js', import.meta.url));

interface Published {
  trustList: { issuer: string; keys: Array<{ kid: string; notAfter?: string; revokedAt?: string }> };
  revocations: { passes: string[]; keys: Array<{ kid: string }> };
}

describe('epigrid keys (embedded databases of two provinces)', () => {
  let dir: string;
  const run = (instance: 'a' | 'b', ...args: string[]): { status: number | null; output: string } => {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      env: { ...process.env, EPIGRID_DATA_DIR: join(dir, instance), EPIGRID_SECRET: (instance === 'a' ? 'a7' : 'b8').repeat(32), DATABASE_URL: '' },
      encoding: 'utf8',
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const exported = (instance: 'a' | 'b'): Published => {
    const file = join(dir, `${instance}-trust.json`);
    const res = run(instance, 'keys', 'export-trust-list', '--out', file);
    assert.equal(res.status, 0, res.output);
    return JSON.parse(readFileSync(file, 'utf8')) as Published;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'epigrid-keys-'));
    for (const [instance, code] of [['a', '310000'], ['b', '320000']] as const) {
      mkdirSync(join(dir, instance), { recursive: true });
      const db = await openPglite(join(dir, instance, 'pglite'));
      await migrate(db);
      await insertRegion(db, { code, parentId: null, level: 'province', nameZh: code, nameEn: `Province ${code}` });
      await db.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('rotates, revokes, exports and imports trust lists', () => {
    const first = run('a', 'keys', 'rotate');
    assert.equal(first.status, 0, first.output);
    const kid1 = /new key (\S+)/.exec(first.output)?.[1];
    const second = run('a', 'keys', 'rotate');
    assert.match(second.output, new RegExp(`retired ${kid1!.replace(/[+/=]/g, '\\$&')}`));
    const revoked = run('a', 'keys', 'revoke', kid1!, '--reason', 'lost laptop');
    assert.equal(revoked.status, 0, revoked.output);
    assert.equal(run('a', 'keys', 'revoke-pass', 'p-123', '--reason', 'reissued').status, 0);

    const list = exported('a');
    assert.equal(list.trustList.issuer, '310000');
    assert.equal(list.trustList.keys.length, 2);
    assert.ok(list.trustList.keys.find((k) => k.kid === kid1)?.revokedAt);
    assert.deepEqual(list.revocations.passes, ['p-123']);

    const imported = run('b', 'keys', 'import-trust-list', join(dir, 'a-trust.json'));
    assert.equal(imported.status, 0, imported.output);
    assert.match(imported.output, /310000: 2 keys, 1 revoked passes/);
    const own = run('a', 'keys', 'import-trust-list', join(dir, 'a-trust.json'));
    assert.equal(own.status, 1, 'an instance refuses its own jurisdiction’s list');
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const broken = run('b', 'keys', 'import-trust-list', join(dir, 'broken.json'));
    assert.equal(broken.status, 1);
    assert.match(broken.output, /not a JSON file/);
  });
});
