import type { DayCounting } from './protocol-profile.js';

const SECONDS_PER_DAY = 86_400;

/**
 * Days since 1970-01-01 of a calendar date.
 * @param date - YYYY-MM-DD
 */
export function dayNumberOf(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

/**
 * The calendar date of a day number.
 * @param dayNumber - days since 1970-01-01
 */
export function dateOfDayNumber(dayNumber: number): string {
  // Civil-from-days (H. Hinnant) in integers: called for every test date of every contact.
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * The local calendar day (days since 1970-01-01) containing an instant.
 * @param epochSeconds - the instant
 * @param utcOffsetMinutes - local offset from UTC (China: 480)
 */
export function localDayOf(epochSeconds: number, utcOffsetMinutes: number): number {
  return Math.floor((epochSeconds + utcOffsetMinutes * 60) / SECONDS_PER_DAY);
}

/**
 * The first instant (epoch seconds) of a local calendar day.
 * @param dayNumber - days since 1970-01-01
 * @param utcOffsetMinutes - local offset from UTC
 */
export function localMidnight(dayNumber: number, utcOffsetMinutes: number): number {
  return dayNumber * SECONDS_PER_DAY - utcOffsetMinutes * 60;
}

/**
 * The calendar day of management day `k`, counted from the day of last exposure under the
 * profile's convention: with `lastExposureDay` 0 that day is day 0, with 1 it is day 1.
 * @param lastExposureDayNumber - local day number of the last exposure
 * @param k - the management day ("day k test")
 * @param counting - the profile's day-counting convention
 */
export function managementDay(lastExposureDayNumber: number, k: number, counting: DayCounting): number {
  return lastExposureDayNumber + k - counting.lastExposureDay;
}
