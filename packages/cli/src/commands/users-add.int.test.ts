import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findUserCredentials, insertRegion, listAudit, migrate, openPglite, verifyPassword } from '@epigrid/store';

const BIN = fileURLToPath(new URL('../../bin/epigrid.js', import.meta.url));

describe('epigrid db migrate and users add (embedded database)', () => {
  let dir: string;
  const run = (...args: string[]): { status: number | null; output: string } => {
    const result = spawnSync(process.execPath, [BIN, ...args], {
      env: { ...process.env, EPIGRID_DATA_DIR: dir, EPIGRID_SECRET: 'f6'.repeat(32), DATABASE_URL: '' },
      encoding: 'utf8',
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'epigrid-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates an empty data directory, then finds nothing to do', () => {
    const first = run('db', 'migrate');
    assert.equal(first.status, 0, first.output);
    assert.match(first.output, /applied: 0001-foundation/);
    const second = run('db', 'migrate');
    assert.match(second.output, /schema is up to date/);
  });

  it('adds a user at a region node, with a working password and an audit entry', async () => {
    const db = await openPglite(join(dir, 'pglite'));
    await migrate(db);
    await insertRegion(db, { code: '990000', parentId: null, level: 'province', nameZh: '示范省', nameEn: 'Demo Province' });
    await db.close();

    const added = run('users', 'add', '--username', 'officer.li', '--role', 'epidemiologist', '--region', '990000', '--password', 'a-long-password');
    assert.equal(added.status, 0, added.output);
    assert.match(added.output, /created user officer\.li \(epidemiologist\) at Demo Province/);

    const check = await openPglite(join(dir, 'pglite'));
    try {
      const user = await findUserCredentials(check, 'officer.li');
      assert.equal(user?.role, 'epidemiologist');
      assert.equal(await verifyPassword('a-long-password', user!.passwordHash), true);
      assert.equal(await verifyPassword('wrong', user!.passwordHash), false);
      const log = await listAudit(check, { subject: `user:${user!.id}`, limit: 5 });
      assert.equal(log[0]?.action, 'user.create');
    } finally {
      await check.close();
    }
  });

  it('refuses an unknown role or region with a clear message', () => {
    const role = run('users', 'add', '--username', 'x-user', '--role', 'mayor', '--region', '990000');
    assert.equal(role.status, 1);
    assert.match(role.output, /unknown role "mayor"/);
    const region = run('users', 'add', '--username', 'x-user', '--role', 'lab', '--region', '123');
    assert.equal(region.status, 1);
    assert.match(region.output, /no region with code "123"/);
  });

  it('refuses an invalid configuration, naming the variable', () => {
    const result = spawnSync(process.execPath, [BIN, 'db', 'migrate'], {
      env: { ...process.env, EPIGRID_DATA_DIR: dir, PORT: 'eighty', DATABASE_URL: '' },
      encoding: 'utf8',
    });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /PORT/);
  });
});
