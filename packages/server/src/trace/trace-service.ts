import type { SqlClient } from '@epigrid/store';
import { buildPresenceIndex, type PresenceIndex } from '@epigrid/trace';
import { storePresenceRows } from './store-presence-rows.js';

/** China Standard Time: local days of presence data and case dates. */
const UTC_OFFSET_MINUTES = 480;

/** Figures of the last refresh, for logs and the status endpoint. */
export interface TraceIndexStatus {
  readonly rows: number;
  readonly bytesPerRow: number;
  readonly lastRowId: number;
  readonly builtInMs: number | null;
}

async function maxPresenceId(db: SqlClient): Promise<number> {
  const result = await db.query<{ n: number | null }>(
    `SELECT greatest((SELECT max(id) FROM check_in), (SELECT max(id) FROM telecom_presence), (SELECT max(id) FROM transport_ticket)) AS n`,
  );
  return result.rows[0]?.n ?? 0;
}

async function maxPersonId(db: SqlClient): Promise<number> {
  return (await db.query<{ n: number | null }>('SELECT max(id) AS n FROM person')).rows[0]?.n ?? 0;
}

/**
 * Owns the trace engine's in-memory presence index for one server: built from the store on first
 * use, then brought up to date with the rows committed since (presence ids only grow) before each trace.
 */
export class TraceIndexHolder {
  private index: PresenceIndex | null = null;
  private lastRowId = 0;
  private lastPersonId = 0;
  private builtInMs: number | null = null;
  private pending: Promise<PresenceIndex> | null = null;

  /**
   * @param db - database
   * @param retentionDays - how far back presence rows are indexed
   * @param now - clock
   */
  constructor(
    private readonly db: SqlClient,
    private readonly retentionDays: number,
    private readonly now: () => Date,
  ) {}

  /** The index with every committed row; concurrent callers share one refresh. */
  async current(): Promise<PresenceIndex> {
    this.pending ??= this.refresh().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Size figures of the index. */
  status(): TraceIndexStatus {
    const stats = this.index?.stats();
    return {
      rows: stats === undefined ? 0 : stats.checkInRows + stats.telecomRows + stats.ticketRows,
      bytesPerRow: stats?.bytesPerPresenceRow ?? 0,
      lastRowId: this.lastRowId,
      builtInMs: this.builtInMs,
    };
  }

  private async refresh(): Promise<PresenceIndex> {
    const since = Math.floor(this.now().getTime() / 1000) - this.retentionDays * 86_400;
    const maxId = await maxPresenceId(this.db);
    const maxPerson = await maxPersonId(this.db);
    if (this.index === null) {
      const started = performance.now();
      this.index = await buildPresenceIndex(storePresenceRows(this.db, 0, maxId), { since, utcOffsetMinutes: UTC_OFFSET_MINUTES });
      this.builtInMs = Math.round(performance.now() - started);
    } else if (maxId > this.lastRowId || maxPerson > this.lastPersonId) {
      const fresh = storePresenceRows(this.db, this.lastRowId, maxId, this.lastPersonId);
      for await (const batch of fresh.households()) this.index.setHouseholds(batch);
      for await (const batch of fresh.checkIns({ since })) this.index.appendCheckIns(batch);
      for await (const batch of fresh.telecom({ since })) this.index.appendTelecom(batch);
      for await (const batch of fresh.tickets({ since })) this.index.appendTickets(batch);
    }
    // Days that fell out of the window since the last refresh leave memory as whole segments.
    this.index.dropDaysBefore(new Date((since + UTC_OFFSET_MINUTES * 60) * 1000).toISOString().slice(0, 10));
    this.lastRowId = maxId;
    this.lastPersonId = maxPerson;
    return this.index;
  }
}
