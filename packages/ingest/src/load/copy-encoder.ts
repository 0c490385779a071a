import type { SqlClient } from '@epigrid/store';
import { hashClaim, strongestKey, type HashedClaim, type IdentifierHasher } from '../identity/hashed-claim.js';
import type { IdentityResolver } from '../identity/identity-resolver.js';
import type { MapContext, MappedRow, RecordTarget, SourceMapper } from '../model/source-mapper.js';
import type { RowBatch } from '../model/row-batch.js';
import type { Rejection, SourceRecord } from '../model/source-record.js';
import { BinaryCopyWriter, type BinaryColumnType } from './binary-copy-writer.js';
import type { ReferenceCache } from './resolve-references.js';

/** Rows mapped between two turns of the event loop (the previous chunk's statements run meanwhile). */
const YIELD_EVERY = 2048;
/** Rows waiting for a lookup that are looked up together. */
const LOOKUP_ROWS = 256;

/**
 * The columns a COPY of a source's rows fills, in order; `person_id` comes last so that the line of
 * a row whose person is found inside the transaction is completed by appending it.
 * @param target - the source's table
 */
export function copyColumns(target: RecordTarget): string[] {
  const day = target.partitioned ? ['day'] : [];
  return [target.keyColumn, ...day, 'batch_id', 'id_number_hash', 'phone_hash', 'passport_hash', 'claimed_name', 'claimed_birth', ...target.columns.map((c) => c.name), 'person_id'];
}

/**
 * The tuple of a row that waited for a lookup, to insert at a byte offset of a day's COPY bytes
 * (its bytes are in the day's side buffer).
 */
export interface Insertion {
  /** Offset in the day's main bytes. */
  readonly at: number;
  /** Range of the side bytes to insert (from = to: none, the row was refused). */
  from: number;
  to: number;
}

/**
 * Persons found inside the transaction: each tuple written before its person was known ends with a
 * person id of 0, to be overwritten by the id of the person found by key.
 */
export interface PersonSlots {
  /** Offsets of the 8 bytes of the id, in increasing order. */
  readonly at: readonly number[];
  /** The key of each slot's person. */
  readonly keys: readonly string[];
}

/** The binary COPY tuples of a chunk's rows falling on one partition day (null: the table is not partitioned). */
export interface DayRows {
  readonly day: string | null;
  /** Rows encoded for the day. */
  readonly rows: number;
  /** The tuples in row order, but for the insertions. */
  readonly main: Uint8Array;
  /** Tuples of rows that waited for a lookup. */
  readonly side: Uint8Array;
  /** By increasing offset, in row order. */
  readonly insertions: readonly Insertion[];
  /** Person ids to fill in the main bytes, and in the side bytes. */
  readonly persons: { readonly main: PersonSlots; readonly side: PersonSlots };
}

/** A chunk's valid rows as binary COPY tuples, with what the transaction still has to do. */
export interface EncodedChunk {
  /** The rows by partition day, so that each day is copied into its partition without routing. */
  readonly days: readonly DayRows[];
  /** One claim per identity key the import has not linked yet. */
  readonly claims: ReadonlyMap<string, HashedClaim>;
  readonly rows: number;
  readonly rejected: ReadonlyArray<{ readonly record: SourceRecord; readonly rejection: Rejection }>;
}

/** What encoding needs of the import. */
export interface EncodeEnv {
  readonly hasher: IdentifierHasher;
  readonly resolver: IdentityResolver;
  readonly references: ReferenceCache;
  readonly context: MapContext;
  /** Runs a lookup when the connection is free (see ChunkWriter). */
  readonly lookup: <T>(work: (db: SqlClient) => Promise<T>) => Promise<T>;
}

/** The rows of one day being encoded. */
class DayGroup {
  readonly main = new BinaryCopyWriter();
  side: BinaryCopyWriter | null = null;
  readonly insertions: Insertion[] = [];
  readonly persons = { main: { at: [] as number[], keys: [] as string[] }, side: { at: [] as number[], keys: [] as string[] } };
  rows = 0;

  constructor(readonly day: string | null) {}

  rowsOf(): DayRows {
    const side = this.side?.bytes() ?? new Uint8Array(0);
    return { day: this.day, rows: this.rows, main: this.main.bytes(), side, insertions: this.insertions, persons: this.persons };
  }
}

interface Parked {
  readonly record: SourceRecord;
  readonly row: MappedRow;
  readonly group: DayGroup;
  /** Where its line goes. */
  readonly slot: Insertion;
}

/**
 * Validates, maps and encodes the rows of one chunk straight into binary COPY tuples as they are
 * read: no row object outlives its tuple, and no string is made for a tuple. A row naming a code or a person
 * the import has not looked up yet waits (keeping its place) until a few hundred such rows can be
 * looked up together.
 */
export class CopyEncoder {
  private readonly groups = new Map<string | null, DayGroup>();
  private readonly claims = new Map<string, HashedClaim>();
  private readonly rejected: Array<{ record: SourceRecord; rejection: Rejection }> = [];
  private parked: Parked[] = [];
  private rows = 0;
  private sinceYield = 0;

  /**
   * @param env - hasher, resolver, code cache, mapping context, lookups
   * @param mapper - the source
   * @param target - its table
   * @param batchId - import batch the rows belong to
   * @param types - the stored types of {@link copyColumns}, in that order
   */
  constructor(
    private readonly env: EncodeEnv,
    private readonly mapper: SourceMapper,
    private readonly target: RecordTarget,
    private readonly batchId: number,
    private readonly types: readonly BinaryColumnType[],
  ) {
    // A person found later is written over the 8 bytes left for its id.
    if (types.at(-1) !== 'int8') throw new Error(`${target.table}.person_id must be a bigint to be filled in place, not ${types.at(-1)}`);
  }

  /**
   * Adds rows of a batch to the chunk.
   * @param batch - rows read
   * @param from - first row (index in the batch)
   * @param to - end (exclusive)
   */
  async add(batch: RowBatch, from: number, to: number): Promise<void> {
    const { mapper, env } = this;
    for (let i = from; i < to; i++) {
      if (++this.sinceYield >= YIELD_EVERY) {
        this.sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const defect = batch.defect(i);
      if (defect !== undefined) {
        this.rejected.push({ record: batch.record(i), rejection: { field: null, rule: 'unreadable', reason: defect } });
        continue;
      }
      const result = mapper.map(batch.view(i), env.context);
      if (!result.ok) {
        this.rejected.push({ record: batch.record(i), rejection: result.rejection });
        continue;
      }
      const row = result.row;
      const group = this.groupOf(row.day);
      const hashed = row.identity === null ? null : hashClaim(env.hasher, row.identity);
      if (!env.references.knows(row) || (hashed !== null && this.personUnlooked(hashed))) {
        const slot: Insertion = { at: group.main.length, from: 0, to: 0 };
        group.insertions.push(slot);
        this.parked.push({ record: batch.record(i), row, group, slot });
        if (this.parked.length >= LOOKUP_ROWS) await this.settleParked();
      } else {
        const rejection = this.encode(row, hashed, group, null);
        if (rejection !== null) this.rejected.push({ record: batch.record(i), rejection });
      }
    }
  }

  /** Looks up what the waiting rows need and encodes them; returns the chunk. */
  async finish(): Promise<EncodedChunk> {
    await this.settleParked();
    const days: DayRows[] = [];
    for (const group of this.groups.values()) if (group.rows > 0) days.push(group.rowsOf());
    return { days, claims: this.claims, rows: this.rows, rejected: this.rejected };
  }

  /**
   * Whether a claim's person is neither linked yet nor already looked up in vain in this chunk (the
   * transaction then finds or creates it: a stranger's hundredth row waits for no lookup).
   */
  private personUnlooked(hashed: HashedClaim): boolean {
    return this.env.resolver.cached(hashed) === undefined && !this.claims.has(strongestKey(hashed));
  }

  private groupOf(day: string | null): DayGroup {
    const key = this.target.partitioned ? day : null;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = new DayGroup(key);
      this.groups.set(key, group);
    }
    return group;
  }

  private async settleParked(): Promise<void> {
    if (this.parked.length === 0) return;
    const parked = this.parked;
    this.parked = [];
    const { references, resolver, hasher } = this.env;
    const hashed = parked.map((p) => (p.row.identity === null ? null : hashClaim(hasher, p.row.identity)));
    await this.env.lookup(async (db) => {
      await references.fetch(
        db,
        parked.map((p) => p.row),
      );
      await resolver.linkKnown(
        db,
        hashed.filter((h): h is HashedClaim => h !== null),
      );
    });
    for (let k = 0; k < parked.length; k++) {
      const { row, group, slot, record } = parked[k]!;
      const rejection = this.encode(row, hashed[k]!, group, slot);
      if (rejection !== null) this.rejected.push({ record, rejection });
    }
  }

  /**
   * Encodes one row at the end of its day's bytes, or (a row that waited for a lookup) at the end
   * of the side bytes, into the slot it keeps.
   * @returns the rejection of a row naming an unknown code, else null
   */
  private encode(row: MappedRow, hashed: HashedClaim | null, group: DayGroup, slot: Insertion | null): Rejection | null {
    const resolved = this.env.references.resolve(row);
    if (!('row' in resolved)) return resolved;
    const { target, types } = this;
    const out = slot === null ? group.main : (group.side ??= new BinaryCopyWriter(1 << 12));
    const from = out.length;
    out.tuple(types.length);
    let c = 0;
    out.field(types[c++]!, row.key);
    if (target.partitioned) out.field(types[c++]!, row.day);
    out.field(types[c++]!, this.batchId);
    if (hashed === null) {
      for (let k = 0; k < 5; k++) out.null(); // hashes, name and birth date
      c += 5;
    } else {
      out.field(types[c++]!, hashed.idHash);
      out.field(types[c++]!, hashed.phoneHash);
      out.field(types[c++]!, hashed.passportHash);
      out.field(types[c++]!, hashed.claim.name);
      out.field(types[c++]!, hashed.claim.birthDate);
    }
    const { refs } = resolved;
    for (const spec of target.columns) out.field(types[c++]!, refs[spec.name] ?? row.values[spec.name]);
    const personId = hashed === null ? null : this.env.resolver.cached(hashed);
    if (hashed !== null && personId === undefined) {
      const key = strongestKey(hashed);
      if (!this.claims.has(key)) this.claims.set(key, hashed);
      out.int8(0);
      const slots = slot === null ? group.persons.main : group.persons.side;
      slots.at.push(out.length - 8);
      slots.keys.push(key);
    } else {
      out.field(types[c]!, personId);
    }
    if (slot !== null) {
      slot.from = from;
      slot.to = out.length;
    }
    this.rows++;
    group.rows++;
    return null;
  }
}
