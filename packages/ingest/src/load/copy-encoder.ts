import type { SqlClient } from '@epigrid/store';
import { hashClaim, strongestKey, type HashedClaim, type IdentifierHasher } from '../identity/hashed-claim.js';
import type { IdentityResolver } from '../identity/identity-resolver.js';
import type { MapContext, MappedRow, RecordTarget, SourceMapper } from '../model/source-mapper.js';
import type { RowBatch } from '../model/row-batch.js';
import type { Rejection, SourceRecord } from '../model/source-record.js';
import { copyField } from './copy-text.js';
import type { ReferenceCache } from './resolve-references.js';

/** Rows mapped between two turns of the event loop (the previous chunk's statements run meanwhile). */
const YIELD_EVERY = 2048;
/**
 * Lines joined into one flat string at a time: a chunk keeps a few dozen strings instead of tens of
 * thousands of concatenation trees (which the garbage collector would copy again and again). Rows
 * waiting for a lookup are settled before their block is joined.
 */
const BLOCK_LINES = 256;

/**
 * The columns a COPY of a source's rows fills, in order; `person_id` comes last so that the line of
 * a row whose person is found inside the transaction is completed by appending it.
 * @param target - the source's table
 */
export function copyColumns(target: RecordTarget): string[] {
  const day = target.partitioned ? ['day'] : [];
  return [target.keyColumn, ...day, 'batch_id', 'id_number_hash', 'phone_hash', 'passport_hash', 'claimed_name', 'claimed_birth', ...target.columns.map((c) => c.name), 'person_id'];
}

/** Lines of which some still miss their person (the last field), found inside the transaction by key. */
export interface OpenBlock {
  readonly lines: string[];
  readonly open: ReadonlyArray<{ readonly line: number; readonly key: string }>;
}

/** The COPY lines of a chunk's rows falling on one partition day (null: the table is not partitioned). */
export interface DayRows {
  readonly day: string | null;
  /** Rows encoded for the day. */
  readonly rows: number;
  /** In row order: joined text, or lines waiting for persons. */
  readonly blocks: ReadonlyArray<string | OpenBlock>;
}

/** A chunk's valid rows as COPY text, with what the transaction still has to do. */
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

/** The rows of one day being encoded: closed blocks, then the current block's lines. */
class DayGroup {
  readonly blocks: Array<string | OpenBlock> = [];
  lines: string[] = [];
  open: Array<{ line: number; key: string }> = [];
  rows = 0;

  constructor(readonly day: string | null) {}

  /** Joins the current lines into a block (lines waiting for persons stay lines). */
  close(): void {
    if (this.lines.length === 0) return;
    this.blocks.push(this.open.length === 0 ? this.lines.join('') : { lines: this.lines, open: this.open });
    this.lines = [];
    this.open = [];
  }
}

interface Parked {
  readonly record: SourceRecord;
  readonly row: MappedRow;
  readonly group: DayGroup;
  readonly line: number;
}

/**
 * Validates, maps and encodes the rows of one chunk straight into COPY lines as they are read: no
 * row object outlives its line. A row naming a code or a person the import has not looked up yet
 * waits (keeping its place) until the rows of its block can be looked up together.
 */
export class CopyEncoder {
  private readonly groups = new Map<string | null, DayGroup>();
  private readonly claims = new Map<string, HashedClaim>();
  private readonly rejected: Array<{ record: SourceRecord; rejection: Rejection }> = [];
  private parked: Parked[] = [];
  private rows = 0;
  private sinceYield = 0;
  private readonly batchField: string;

  /**
   * @param env - hasher, resolver, code cache, mapping context, lookups
   * @param mapper - the source
   * @param target - its table
   * @param batchId - import batch the rows belong to
   */
  constructor(
    private readonly env: EncodeEnv,
    private readonly mapper: SourceMapper,
    private readonly target: RecordTarget,
    batchId: number,
  ) {
    this.batchField = String(batchId);
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
      if (!env.references.knows(row) || (hashed !== null && env.resolver.cached(hashed) === undefined)) {
        this.parked.push({ record: batch.record(i), row, group, line: group.lines.length });
        group.lines.push('');
      } else {
        const rejection = this.encode(row, hashed, group, -1);
        if (rejection !== null) this.rejected.push({ record: batch.record(i), rejection });
      }
      if (group.lines.length >= BLOCK_LINES) {
        await this.settleParked();
        group.close();
      }
    }
  }

  /** Looks up what the waiting rows need and encodes them; returns the chunk. */
  async finish(): Promise<EncodedChunk> {
    await this.settleParked();
    const days: DayRows[] = [];
    for (const group of this.groups.values()) {
      group.close();
      if (group.blocks.length > 0) days.push({ day: group.day, rows: group.rows, blocks: group.blocks });
    }
    return { days, claims: this.claims, rows: this.rows, rejected: this.rejected };
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
      const { row, group, line, record } = parked[k]!;
      const rejection = this.encode(row, hashed[k]!, group, line);
      if (rejection !== null) this.rejected.push({ record, rejection });
    }
  }

  /**
   * Encodes one row at the end of its day's lines, or into the line it keeps (a parked row, `at` ≥ 0).
   * @returns the rejection of a row naming an unknown code, else null
   */
  private encode(row: MappedRow, hashed: HashedClaim | null, group: DayGroup, at: number): Rejection | null {
    const resolved = this.env.references.resolve(row);
    if (!('row' in resolved)) return resolved;
    const { target } = this;
    let line = copyField(row.key);
    if (target.partitioned) line += `\t${copyField(row.day)}`;
    line += `\t${this.batchField}`;
    if (hashed === null) line += '\t\\N\t\\N\t\\N\t\\N\t\\N';
    else line += `\t${copyField(hashed.idHash)}\t${copyField(hashed.phoneHash)}\t${copyField(hashed.passportHash)}\t${copyField(hashed.claim.name)}\t${copyField(hashed.claim.birthDate)}`;
    const { refs } = resolved;
    for (const spec of target.columns) line += `\t${copyField(refs[spec.name] ?? row.values[spec.name])}`;
    line += '\t';
    const personId = hashed === null ? null : this.env.resolver.cached(hashed);
    const index = at < 0 ? group.lines.length : at;
    let text: string;
    if (hashed !== null && personId === undefined) {
      const key = strongestKey(hashed);
      if (!this.claims.has(key)) this.claims.set(key, hashed);
      group.open.push({ line: index, key });
      text = line;
    } else {
      text = `${line}${copyField(personId)}\n`;
    }
    if (at < 0) group.lines.push(text);
    else group.lines[at] = text;
    this.rows++;
    group.rows++;
    return null;
  }
}
