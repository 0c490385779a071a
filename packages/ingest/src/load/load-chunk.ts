import type { ChainHasher } from '@epigrid/core';
import type { IdentifierVault, SqlClient } from '@epigrid/store';
import { hashClaim } from '../identity/hashed-claim.js';
import type { IdentityResolver } from '../identity/identity-resolver.js';
import type { MappedRow, SourceMapper } from '../model/source-mapper.js';
import type { Rejection, SourceRecord } from '../model/source-record.js';
import { resolveReferences, type ResolvedRow } from './resolve-references.js';
import { writeRecords, type LinkedRow, type WriteCounts } from './write-records.js';
import { writeRegistry } from './write-registry.js';

/** What loading needs: protections, the resolver of this import, and today's date. */
export interface LoadEnv {
  readonly vault: IdentifierVault;
  readonly auditHasher: ChainHasher;
  readonly resolver: IdentityResolver;
  readonly today: string;
  /** Day partitions known to exist in this import. */
  readonly partitions: Set<string>;
}

/** The outcome of one chunk. */
export interface ChunkOutcome extends WriteCounts {
  readonly rejected: ReadonlyArray<{ readonly record: SourceRecord; readonly rejection: Rejection }>;
}

/**
 * Validates, links and writes one chunk inside the caller's transaction: map every row, look up its
 * codes, resolve its person, insert. Rejected rows are returned, not written.
 * @param tx - the chunk's transaction
 * @param env - load environment
 * @param mapper - the source
 * @param batchId - import batch the rows belong to
 * @param records - the rows
 */
export async function loadChunk(tx: SqlClient, env: LoadEnv, mapper: SourceMapper, batchId: number, records: readonly SourceRecord[]): Promise<ChunkOutcome> {
  const rejected: Array<{ record: SourceRecord; rejection: Rejection }> = [];
  const mapped: Array<{ record: SourceRecord; row: MappedRow }> = [];
  for (const record of records) {
    if (record.defect !== undefined) {
      rejected.push({ record, rejection: { field: null, rule: 'unreadable', reason: record.defect } });
      continue;
    }
    const result = mapper.map(record.raw, { today: env.today });
    if (result.ok) mapped.push({ record, row: result.row });
    else rejected.push({ record, rejection: result.rejection });
  }
  const referenced = await resolveReferences(
    tx,
    mapped.map((m) => m.row),
  );
  const valid: Array<{ record: SourceRecord; resolved: ResolvedRow }> = [];
  referenced.forEach((outcome, i) => {
    const { record } = mapped[i]!;
    if ('row' in outcome) valid.push({ record, resolved: outcome });
    else rejected.push({ record, rejection: outcome });
  });
  let counts: WriteCounts;
  if (mapper.target.kind === 'registry') {
    counts = await writeRegistry(
      tx,
      env,
      valid.map((v) => v.resolved),
    );
  } else {
    const hashed = valid.map((v) => (v.resolved.row.identity === null ? null : hashClaim(env.vault, v.resolved.row.identity)));
    const withClaims = hashed.flatMap((h, i) => (h === null ? [] : [i]));
    const personIds = await env.resolver.resolve(
      tx,
      withClaims.map((i) => hashed[i]!),
      mapper.source,
    );
    const persons = new Array<number | null>(valid.length).fill(null);
    withClaims.forEach((i, k) => (persons[i] = personIds[k]!));
    const rows: LinkedRow[] = valid.map((v, i) => ({ resolved: v.resolved, hashed: hashed[i]!, personId: persons[i]! }));
    counts = await writeRecords(tx, mapper.target, batchId, rows, env.partitions);
  }
  rejected.sort((a, b) => a.record.rowNumber - b.record.rowNumber);
  return { ...counts, rejected };
}
