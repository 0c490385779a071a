import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { insertRegion, listPeers, migrate, openPglite } from '@epigrid/store';

const BIN = fileURLToPath(new URL('../../bin/epigrid.js', import.meta.url));

describe('epigrid peers (embedded database)', () => {
  let dir: string;
  const run = (...args: string[]): { status: number | null; output: string; stdout: string } => {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      env: { ...process.env, EPIGRID_DATA_DIR: dir, EPIGRID_SECRET: 'e7'.repeat(32), DATABASE_URL: '', EPIGRID_INSTANCE_ID: 'city-a' },
      encoding: 'utf8',
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout };
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'epigrid-peers-'));
    const db = await openPglite(join(dir, 'pglite'));
    await migrate(db);
    await insertRegion(db, { code: '440000', parentId: null, level: 'province', nameZh: '邻省', nameEn: 'Neighbour Province' });
    await db.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the same generated key every time, then adds a peer with its territory', async () => {
    const first = run('peers', 'key');
    assert.equal(first.status, 0, first.output);
    const key = JSON.parse(first.stdout);
    assert.equal(key.instanceId, 'city-a');
    assert.equal(key.publicJwk.crv, 'P-256');
    assert.deepEqual(JSON.parse(run('peers', 'key').stdout), key, 'the key is kept, not regenerated');

    const keyFile = join(dir, 'peer-key.json');
    writeFileSync(keyFile, JSON.stringify(key));
    const added = run('peers', 'add', 'city-b', '--url', 'http://127.0.0.1:7001/', '--key-file', keyFile, '--region', '440000');
    assert.equal(added.status, 0, added.output);
    const missing = run('peers', 'add', 'city-c', '--url', 'http://127.0.0.1:7002', '--key-file', keyFile, '--region', 'nowhere');
    assert.notEqual(missing.status, 0);
    assert.match(missing.output, /--region nowhere: no region has this code/);
    const db = await openPglite(join(dir, 'pglite'));
    const peers = await listPeers(db);
    await db.close();
    assert.deepEqual(
      peers.map((p) => [p.peerId, p.baseUrl, p.regionPath, p.publicJwk.x]),
      [['city-b', 'http://127.0.0.1:7001', 'r440000', key.publicJwk.x]],
    );
  });
});
