import type { CheckInRow, HouseholdRow, PresenceRange, PresenceRows, TelecomRow, TicketRow } from './presence-rows.js';

/** Rows held in memory, for tests and demos. */
export interface PresenceRowSet {
  readonly checkIns?: readonly CheckInRow[];
  readonly telecom?: readonly TelecomRow[];
  readonly tickets?: readonly TicketRow[];
  readonly households?: readonly HouseholdRow[];
}

async function* batches<T>(rows: readonly T[], size: number): AsyncGenerator<readonly T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * The in-memory implementation of {@link PresenceRows} (the store implements the same port).
 * @param set - the rows
 * @param batchSize - rows per batch
 */
export function memoryPresenceRows(set: PresenceRowSet, batchSize = 4096): PresenceRows {
  return {
    checkIns: (range: PresenceRange) => batches((set.checkIns ?? []).filter((r) => (r.timeOut ?? r.timeIn) >= range.since), batchSize),
    telecom: (range: PresenceRange) => batches((set.telecom ?? []).filter((r) => r.end >= range.since), batchSize),
    tickets: (range: PresenceRange) => batches((set.tickets ?? []).filter((r) => r.arrival >= range.since), batchSize),
    households: () => batches(set.households ?? [], batchSize),
  };
}
