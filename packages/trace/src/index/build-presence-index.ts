import type { PresenceRows } from '../presence-rows.js';
import { PresenceIndex, type PresenceIndexOptions } from './presence-index.js';

/**
 * Builds an index from the store (on start): streams every source from the retention horizon on,
 * then sorts each day once.
 * @param source - the store's presence rows
 * @param options - index options and `since`, the retention horizon (epoch seconds)
 */
export async function buildPresenceIndex(source: PresenceRows, options: PresenceIndexOptions & { readonly since: number }): Promise<PresenceIndex> {
  const index = new PresenceIndex(options);
  const range = { since: options.since };
  for await (const batch of source.households()) index.setHouseholds(batch);
  for await (const batch of source.checkIns(range)) index.appendCheckIns(batch);
  for await (const batch of source.telecom(range)) index.appendTelecom(batch);
  for await (const batch of source.tickets(range)) index.appendTickets(batch);
  index.compact();
  return index;
}
