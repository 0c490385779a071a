import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildPoolingFixture } from '@epigrid/ingest';
import {
  createThrowawayDatabase,
  dayLoadName,
  listDayLoads,
  migrate,
  openPglite,
  openPostgres,
  testBackends,
  type SqlClient,
  type ThrowawayDatabase,
} from '@epigrid/store';

const BIN = fileURLToPath(new URL('../../bin/epigrid.js', import.meta.url));
const ROWS = 12_000;

for (const backend of testBackends()) {
  describe(`epigrid import survives kill -9 on ${backend.name}`, () => {
    let dir: string;
    let throwaway: ThrowawayDatabase | null = null;
    let env: Record<string, string | undefined>;
    let expected: { accepted: number; rejected: number; duplicates: number };
    let file: string;

    const open = async (): Promise<SqlClient> => (throwaway === null ? openPglite(join(dir, 'pglite')) : openPostgres(throwaway.url, 2));

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'epigrid-import-'));
      if (backend.name === 'postgres') throwaway = await createThrowawayDatabase(process.env.EPIGRID_TEST_DATABASE_URL!);
      env = { ...process.env, EPIGRID_DATA_DIR: dir, EPIGRID_SECRET: 'c3'.repeat(32), DATABASE_URL: throwaway?.url ?? '' };
      const db = await open();
      await migrate(db);
      const fx = await buildPoolingFixture(db, 8);
      await db.close();
      const lines = ['scan_id,place_code,phone,time_in'];
      let rejected = 0;
      let duplicates = 0;
      for (let i = 0; i < ROWS; i++) {
        const hour = String(8 + (i % 10)).padStart(2, '0');
        const time = `2026-03-0${1 + (i % 3)}T${hour}:00:00+08:00`;
        const phone = fx.residents[i % fx.residents.length]!.phone;
        if (i % 1000 === 999) {
          lines.push(`s${i},PC-unknown,${phone},${time}`);
          rejected++;
        } else if (i % 777 === 776) {
          lines.push(lines[lines.length - 1]!.startsWith('s') ? lines[lines.length - 1]! : `s${i},${fx.venueCode},${phone},${time}`);
          duplicates++;
        } else {
          lines.push(`s${i},${fx.venueCode},${phone},${time}`);
        }
      }
      expected = { accepted: ROWS - rejected - duplicates, rejected, duplicates };
      file = join(dir, '2026-03-01.check-ins.csv');
      writeFileSync(file, `${lines.join('\n')}\n`);
    });
    after(async () => {
      await throwaway?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('a re-run after SIGKILL mid-import ends with exactly the rows of one clean run', async () => {
      const child = spawn(process.execPath, [BIN, 'import', 'check-ins', '--chunk-rows', '2000', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          // The first progress line comes after the first committed chunk: kill while the next is in flight.
          if (/rows/.test(output) && child.exitCode === null) child.kill('SIGKILL');
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', () => resolve());
      });
      assert.equal(child.signalCode, 'SIGKILL', output);

      const db = await open();
      const visible = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM check_in')).rows[0]!.n;
      const batch = (await db.query<{ id: number; rows_done: number; status: string }>('SELECT id, rows_done, status FROM import_batch')).rows[0]!;
      let loaded = 0;
      for (const day of await listDayLoads(db, 'check_in', batch.id)) {
        loaded += (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${dayLoadName('check_in', batch.id, day)}`)).rows[0]!.n;
      }
      await db.close();
      assert.ok(loaded > 0 && loaded < expected.accepted, `killed mid-import (${loaded} rows loaded)`);
      assert.equal(visible, 0, 'the new days are not visible before the import completes');
      assert.equal(batch.status, 'running');

      const rerun = spawnSync(process.execPath, [BIN, 'import', 'check-ins', '--chunk-rows', '2000', file], { env, encoding: 'utf8' });
      assert.equal(rerun.status, 0, rerun.stderr + rerun.stdout);
      assert.match(rerun.stdout, new RegExp(`accepted ${expected.accepted}, corrected 0, duplicates ${expected.duplicates}, rejected ${expected.rejected}`));

      const check = await open();
      try {
        const stored = (await check.query<{ n: number; keys: number }>('SELECT count(*)::int AS n, count(DISTINCT scan_id)::int AS keys FROM check_in')).rows[0]!;
        assert.deepEqual(stored, { n: expected.accepted, keys: expected.accepted });
        const letters = (await check.query<{ n: number }>('SELECT count(*)::int AS n FROM dead_letter')).rows[0]!.n;
        assert.equal(letters, expected.rejected);
      } finally {
        await check.close();
      }
      const third = spawnSync(process.execPath, [BIN, 'import', 'check-ins', '--chunk-rows', '2000', file], { env, encoding: 'utf8' });
      assert.match(third.stdout, /already imported: nothing added/);
    });
  });
}
