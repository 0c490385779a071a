import { dueMessages, recordDeliveryAttempt } from '@epigrid/store';
import type { Services } from '../services.js';

/** Retry delays grow 1, 2, 4 … minutes, up to six hours. */
const MAX_BACKOFF_MS = 6 * 3600_000;

/** The HTTP call used to deliver (injectable so tests can use a stand-in network failure). */
export type Fetch = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string }) => Promise<{ status: number; text(): Promise<string> }>;

/**
 * Delivers every due message of the outbox to its peer (`POST /api/federation/messages`). A 2xx
 * answer — including the peer's "duplicate" — marks it delivered; anything else, or no answer, is
 * retried later with exponential backoff.
 * @param services - application services
 * @param fetchImpl - HTTP client (the global fetch by default)
 * @returns how many were delivered and how many failed this round
 */
export async function deliverDueMessages(services: Services, fetchImpl: Fetch = fetch): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (const message of await dueMessages(services.db, services.now(), 100)) {
    const url = `${message.baseUrl.replace(/\/+$/, '')}/api/federation/messages`;
    let error: string | null = null;
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: services.vault.decrypt(message.envelopeSealed),
      });
      if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`;
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const now = services.now();
    if (error === null) {
      delivered++;
      await recordDeliveryAttempt(services.db, message.id, { delivered: true }, now);
    } else {
      failed++;
      const retryAt = new Date(now.getTime() + Math.min(60_000 * 2 ** message.attempts, MAX_BACKOFF_MS));
      await recordDeliveryAttempt(services.db, message.id, { delivered: false, error, retryAt }, now);
    }
  }
  return { delivered, failed };
}
