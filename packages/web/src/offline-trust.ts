/**
 * The verifier's trust: the trust lists fetched once from the server and kept in localStorage, so
 * passes are verified in the browser with no further call (offline).
 */
import { mergeRevocations, parseRevocationList, parseTrustList, TrustStore } from '@epigrid/pass';
import type { RevocationSet } from '@epigrid/pass';
import { fetchTrustLists } from './pass-api.js';
import type { TrustDocumentsJson } from './pass-api.js';

const storageKey = 'epigrid.trust-lists';

/** What the browser verifies with, and when it was fetched. */
export interface OfflineTrust {
  readonly trust: TrustStore;
  readonly revocations: RevocationSet;
  readonly fetchedAt: string;
  readonly jurisdictions: readonly string[];
  readonly keys: number;
}

interface Cached {
  readonly fetchedAt: string;
  readonly items: readonly TrustDocumentsJson[];
}

function readCache(): Cached | null {
  try {
    const text = localStorage.getItem(storageKey);
    return text === null ? null : (JSON.parse(text) as Cached);
  } catch {
    return null;
  }
}

/**
 * Loads the trust: from the cache, or from the server the first time (or when asked to refresh).
 * @param refresh - fetch again even when cached
 */
export async function loadOfflineTrust(refresh = false): Promise<OfflineTrust> {
  let cached = refresh ? null : readCache();
  if (cached === null) {
    cached = { fetchedAt: new Date().toISOString(), items: await fetchTrustLists() };
    try {
      localStorage.setItem(storageKey, JSON.stringify(cached));
    } catch {
      // Without storage the trust lives until the page is closed.
    }
  }
  const lists = cached.items.map((d) => parseTrustList(d.trustList));
  const revocations = mergeRevocations(cached.items.map((d) => parseRevocationList(d.revocations)));
  return {
    trust: await TrustStore.fromTrustLists(lists),
    revocations,
    fetchedAt: cached.fetchedAt,
    jurisdictions: lists.map((l) => l.issuer),
    keys: lists.reduce((n, l) => n + l.keys.length, 0),
  };
}
