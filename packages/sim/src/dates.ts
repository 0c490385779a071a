/**
 * Calendar helpers on day numbers (days since 1970-01-01, UTC), with formatting cached so a
 * million birth dates share a few tens of thousands of strings.
 */

const DAY_MS = 86_400_000;

/** The reference date used when generateCity is given none. */
export const defaultCityDate = '2026-01-01';

/**
 * Parses a YYYY-MM-DD date into a day number.
 * @param iso - YYYY-MM-DD
 * @returns days since 1970-01-01
 */
export function dayNumber(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) throw new RangeError(`expected a YYYY-MM-DD date, got ${iso}`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const back = new Date(ms);
  if (back.getUTCDate() !== Number(d) || back.getUTCMonth() !== Number(m) - 1) {
    throw new RangeError(`${iso} is not a calendar date`);
  }
  return Math.round(ms / DAY_MS);
}

/** Formats day numbers as YYYY-MM-DD, reusing one string per distinct day. */
export class DateFormatter {
  private readonly cache = new Map<number, string>();

  /**
   * @param day - days since 1970-01-01
   * @returns YYYY-MM-DD
   */
  format(day: number): string {
    let text = this.cache.get(day);
    if (text === undefined) {
      text = new Date(day * DAY_MS).toISOString().slice(0, 10);
      this.cache.set(day, text);
    }
    return text;
  }
}

