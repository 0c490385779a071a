import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  appendAudit,
  createAuditHasher,
  createThrowawayDatabase,
  migrate,
  openPglite,
  openPostgres,
  type SqlClient,
} from '@epigrid/store';

const BIN = fileURLToPath(new URL('../../bin/epigrid.js', import.meta.url));
const SECRET = 'c3'.repeat(32);

type Tamper = (db: SqlClient) => Promise<void>;

/** Tampering as someone with database access would do it: around the append-only trigger. */
const tampering: Record<string, Tamper> = {
  'an edited entry': (db) => db.exec("ALTER TABLE audit_log DISABLE TRIGGER USER; UPDATE audit_log SET purpose = 'supervision' WHERE seq = 3"),
  'a deleted entry': (db) => db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER; DELETE FROM audit_log WHERE seq = 3'),
  'two entries swapped': (db) =>
    db.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER;
      UPDATE audit_log SET seq = -1 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -1`),
};

async function writeEntries(db: SqlClient): Promise<void> {
  await migrate(db);
  const hasher = createAuditHasher(SECRET);
  for (let i = 1; i <= 5; i++) {
    await appendAudit(
      db,
      {
        actorId: i,
        actorName: `user${i}`,
        actorRole: 'epidemiologist',
        action: 'person.read',
        purpose: 'case_investigation',
        subject: `person:${i}`,
        outcome: 'allowed',
        details: {},
      },
      hasher,
    );
  }
}

function verify(env: Record<string, string>): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [BIN, 'audit', 'verify'], {
    env: { ...process.env, EPIGRID_SECRET: SECRET, EPIGRID_LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Runs a scenario against a fresh database of each backend, returning what `epigrid audit verify` said. */
const backends: Array<{ name: string; run: (tamper: Tamper | null) => Promise<{ status: number | null; output: string }> }> = [
  {
    name: 'pglite',
    async run(tamper) {
      const dir = mkdtempSync(join(tmpdir(), 'epigrid-audit-'));
      try {
        const db = await openPglite(join(dir, 'pglite'));
        await writeEntries(db);
        if (tamper) await tamper(db);
        await db.close();
        return verify({ EPIGRID_DATA_DIR: dir });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
const adminUrl = process.env.EPIGRID_TEST_DATABASE_URL;
if (adminUrl) {
  backends.push({
    name: 'postgres',
    async run(tamper) {
      const throwaway = await createThrowawayDatabase(adminUrl);
      try {
        const db = await openPostgres(throwaway.url, 2);
        await writeEntries(db);
        if (tamper) await tamper(db);
        await db.close();
        return verify({ DATABASE_URL: throwaway.url });
      } finally {
        await throwaway.drop();
      }
    },
  });
}

for (const backend of backends) {
  describe(`epigrid audit verify on ${backend.name}`, () => {
    it('passes an untouched log', async () => {
      const result = await backend.run(null);
      assert.equal(result.status, 0, result.output);
      assert.match(result.output, /audit log intact: 5 entries/);
    });

    for (const [name, tamper] of Object.entries(tampering)) {
      it(`detects ${name}`, async () => {
        const result = await backend.run(tamper);
        assert.equal(result.status, 1, result.output);
        assert.match(result.output, /audit log BROKEN/);
        assert.match(result.output, /entry #3|entry 3 missing/);
      });
    }
  });
}
