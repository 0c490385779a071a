import type { IdentifierVault } from '@epigrid/store';
import { hashClaim, strongestKey, type HashedClaim } from '../identity/hashed-claim.js';
import type { IdentityResolver } from '../identity/identity-resolver.js';
import type { RecordTarget } from '../model/source-mapper.js';
import { copyField } from './copy-text.js';
import type { ResolvedRow } from './resolve-references.js';

/** Columns of the staging table ahead of the source's own, in COPY order. */
export const stageHeadColumns = ['ord', 'key', 'day', 'person_id', 'link_key', 'id_number_hash', 'phone_hash', 'passport_hash', 'claimed_name', 'claimed_birth'] as const;

/** Rows processed between two turns of the event loop while a chunk is prepared. */
export const YIELD_EVERY = 2048;

/** Gives the event loop a turn (the previous chunk's database I/O runs meanwhile). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A chunk's valid rows as COPY text, with what the transaction still has to resolve. */
export interface StagedChunk {
  /** The rows in COPY text format; `ord` numbers them from 0. */
  readonly text: string;
  readonly rows: number;
  /** Partition days the rows fall on. */
  readonly days: ReadonlySet<string>;
  /**
   * Claims whose person the import has not linked yet, one per identity key (the `link_key` of
   * their rows): the transaction resolves them and joins the persons in by key.
   */
  readonly open: ReadonlyMap<string, HashedClaim>;
}

/**
 * Hashes the identifiers of every row (one keyed hash per identifier), fills in the person when
 * this import already linked the same keys, and writes the rows as COPY text. One string is built
 * per chunk; the only per-row objects are the hashed claims.
 * @param vault - identifier vault
 * @param resolver - the import's resolver (its cache of linked keys)
 * @param target - the source's table
 * @param rows - valid rows with their references filled
 */
export async function stageRecords(vault: IdentifierVault, resolver: IdentityResolver, target: RecordTarget, rows: readonly ResolvedRow[]): Promise<StagedChunk> {
  const parts: string[] = [];
  const days = new Set<string>();
  const open = new Map<string, HashedClaim>();
  const columns = target.columns;
  for (let ord = 0; ord < rows.length; ord++) {
    if (ord % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
    const { row, refs } = rows[ord]!;
    const hashed = row.identity === null ? null : hashClaim(vault, row.identity);
    let personId: number | undefined;
    let linkKey: string | null = null;
    if (hashed !== null) {
      personId = resolver.cached(hashed);
      if (personId === undefined) {
        linkKey = strongestKey(hashed);
        if (!open.has(linkKey)) open.set(linkKey, hashed);
      }
    }
    if (row.day !== null) days.add(row.day);
    let line = `${ord}\t${copyField(row.key)}\t${copyField(row.day)}\t${copyField(personId)}\t${copyField(linkKey)}\t${copyField(hashed?.idHash)}\t${copyField(
      hashed?.phoneHash,
    )}\t${copyField(hashed?.passportHash)}\t${copyField(hashed?.claim.name)}\t${copyField(hashed?.claim.birthDate)}`;
    for (const spec of columns) line += `\t${copyField(refs[spec.name] ?? row.values[spec.name])}`;
    parts.push(line);
  }
  return { text: parts.length === 0 ? '' : `${parts.join('\n')}\n`, rows: rows.length, days, open };
}
