import type { ChainHasher } from '@epigrid/core';
import { mergePersons, type IdentifierVault, type SqlClient } from '@epigrid/store';
import { hashClaim } from '../identity/hashed-claim.js';
import type { ResolvedRow } from './resolve-references.js';
import type { WriteCounts } from './write-records.js';

/** What the registry writer needs besides the rows. */
export interface RegistryEnv {
  readonly vault: IdentifierVault;
  readonly auditHasher: ChainHasher;
}

async function households(tx: SqlClient, rows: readonly ResolvedRow[]): Promise<Map<string, number>> {
  const keys = [...new Set(rows.map((r) => String(r.row.values.household_key)))];
  const found = await tx.query<{ source_key: string; household_id: number }>(
    'SELECT source_key, household_id FROM household_source WHERE source_key = ANY($1::text[])',
    [keys],
  );
  const ids = new Map(found.rows.map((r) => [r.source_key, r.household_id]));
  const missing = keys.filter((k) => !ids.has(k));
  if (missing.length > 0) {
    const first = new Map<string, ResolvedRow>();
    for (const r of rows) {
      const key = String(r.row.values.household_key);
      if (!first.has(key)) first.set(key, r);
    }
    const created = await tx.query<{ id: number }>(
      `INSERT INTO household (address, grid_id, region_path)
       SELECT address, grid, path::ltree FROM unnest($1::text[], $2::bigint[], $3::text[]) WITH ORDINALITY AS t(address, grid, path, ord)
       ORDER BY ord RETURNING id`,
      [
        missing.map((k) => first.get(k)!.row.values.address),
        missing.map((k) => first.get(k)!.refs.grid_id),
        missing.map((k) => first.get(k)!.refs.region_path),
      ],
    );
    const newIds = created.rows.map((r) => r.id).sort((a, b) => a - b);
    await tx.query('INSERT INTO household_source (source_key, household_id) SELECT * FROM unnest($1::text[], $2::bigint[])', [missing, newIds]);
    missing.forEach((k, i) => ids.set(k, newIds[i]!));
  }
  return ids;
}

/**
 * Writes registry rows: a new resident ID registers a person (in the household of its source key,
 * created on first sight); a resident ID held by a provisional person promotes that person; a
 * registered one is a duplicate. Provisional persons known only by the same phone are then merged
 * into the newly registered person (audited, reversible).
 * @param tx - the chunk's transaction
 * @param env - vault and audit hasher
 * @param rows - rows with grid and places resolved
 */
export async function writeRegistry(tx: SqlClient, env: RegistryEnv, rows: readonly ResolvedRow[]): Promise<WriteCounts> {
  if (rows.length === 0) return { inserted: 0, corrected: 0, duplicates: 0 };
  const hashed = rows.map((r) => hashClaim(env.vault, r.row.identity!));
  const existing = await tx.query<{ id: number; hash: string; provisional: boolean }>(
    'SELECT id, id_number_hash AS hash, provisional FROM person WHERE id_number_hash = ANY($1::text[])',
    [hashed.map((h) => h.idHash)],
  );
  const known = new Map(existing.rows.map((r) => [r.hash, r]));
  const seen = new Set<string>();
  const fresh: number[] = [];
  const promote: Array<{ index: number; personId: number }> = [];
  let duplicates = 0;
  hashed.forEach((h, i) => {
    const hash = h.idHash!;
    const stored = known.get(hash);
    if (seen.has(hash) || (stored !== undefined && !stored.provisional)) duplicates++;
    else if (stored !== undefined) promote.push({ index: i, personId: stored.id });
    else fresh.push(i);
    seen.add(hash);
  });
  const householdIds = await households(tx, [...fresh, ...promote.map((p) => p.index)].map((i) => rows[i]!));
  const fields = (i: number): unknown[] => {
    const { row, refs } = rows[i]!;
    const h = hashed[i]!;
    const claim = h.claim;
    return [
      row.values.name,
      row.values.sex,
      row.values.birth_date,
      h.idHash,
      env.vault.encrypt(claim.residentId!),
      claim.residentId!.slice(-4),
      h.phoneHash,
      claim.phone === null ? null : env.vault.encrypt(claim.phone),
      claim.phone?.slice(-4) ?? null,
      householdIds.get(String(row.values.household_key)),
      refs.grid_id,
      refs.region_path,
      refs.workplace_id ?? null,
      refs.school_id ?? null,
      row.values.occupation ?? null,
    ];
  };
  const registered = new Map<string, number>();
  if (fresh.length > 0) {
    const values = fresh.map(fields);
    const column = (k: number): unknown[] => values.map((v) => v[k]);
    const inserted = await tx.query<{ id: number; hash: string }>(
      `INSERT INTO person (name, sex, birth_date, id_number_hash, id_number_cipher, id_number_tail, phone_hash, phone_cipher, phone_tail,
         household_id, grid_id, region_path, workplace_id, school_id, occupation)
       SELECT n, s, b, ih, ic, it, ph, pc, pt, hh, g, p::ltree, w, sc, o
       FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                   $10::bigint[], $11::bigint[], $12::text[], $13::bigint[], $14::bigint[], $15::text[])
         AS t(n, s, b, ih, ic, it, ph, pc, pt, hh, g, p, w, sc, o)
       RETURNING id, phone_hash AS hash`,
      Array.from({ length: 15 }, (_, k) => column(k)),
    );
    for (const r of inserted.rows) if (r.hash !== null) registered.set(r.hash, r.id);
  }
  for (const { index, personId } of promote) {
    await tx.query(
      `UPDATE person SET name = $2, sex = $3, birth_date = $4, id_number_hash = $5, id_number_cipher = $6, id_number_tail = $7,
         phone_hash = COALESCE($8, phone_hash), phone_cipher = COALESCE($9, phone_cipher), phone_tail = COALESCE($10, phone_tail),
         household_id = $11, grid_id = $12, region_path = $13::ltree, workplace_id = $14, school_id = $15, occupation = $16,
         provisional = false, updated_at = now()
       WHERE id = $1`,
      [personId, ...fields(index)],
    );
  }
  if (registered.size > 0) {
    const orphans = await tx.query<{ id: number; hash: string }>(
      `SELECT id, phone_hash AS hash FROM person
       WHERE provisional AND merged_into IS NULL AND id_number_hash IS NULL AND phone_hash = ANY($1::text[]) ORDER BY id`,
      [[...registered.keys()]],
    );
    for (const orphan of orphans.rows) {
      await mergePersons(tx, orphan.id, registered.get(orphan.hash)!, { actorId: null, actorName: 'import', actorRole: 'system' }, env.auditHasher);
    }
  }
  return { inserted: fresh.length + promote.length, corrected: 0, duplicates };
}
