/** How long to wait before reconnecting the push stream: 1 s, doubling, at most 30 s, with up to 20 % jitter below that cap so phones do not reconnect in lockstep. */

/**
 * The delay before reconnect attempt `attempt` (0 = the first retry).
 * @param attempt - number of failed attempts so far
 * @param random - a number in [0, 1) for the jitter
 */
export function reconnectDelayMs(attempt: number, random: number): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, Math.min(attempt, 15)));
  return Math.min(30_000, Math.round(base * (1 + 0.2 * random)));
}
