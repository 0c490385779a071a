/**
 * Simulation time: whole minutes since midnight (+08:00) of the start date. Day d covers minutes
 * d × 1440 … d × 1440 + 1439; ISO texts are written with the +08:00 offset.
 */
import { dayNumber, DateFormatter } from '../dates.js';

/** Minutes in a day. */
export const DAY_MINUTES = 1440;
const OFFSET_MINUTES = 8 * 60;

/** Formats and parses times of one simulation (fixed start date). */
export class SimClock {
  /** Day number (days since 1970-01-01) of the start date. */
  readonly startDay: number;
  private readonly dates = new DateFormatter();
  private readonly clockTexts: string[];

  /**
   * @param startDate - first simulated day, YYYY-MM-DD
   */
  constructor(startDate: string) {
    this.startDay = dayNumber(startDate);
    this.clockTexts = Array.from({ length: DAY_MINUTES }, (_, m) => `T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+08:00`);
  }

  /**
   * @param day - day index (0 = start date; may be negative)
   * @returns YYYY-MM-DD
   */
  date(day: number): string {
    return this.dates.format(this.startDay + day);
  }

  /**
   * @param minute - simulation minute (may be negative)
   * @returns ISO time with +08:00 offset
   */
  iso(minute: number): string {
    const day = Math.floor(minute / DAY_MINUTES);
    return this.date(day) + this.clockTexts[minute - day * DAY_MINUTES]!;
  }

  /**
   * @param minute - simulation minute
   * @returns the day index that minute falls in
   */
  dayOf(minute: number): number {
    return Math.floor(minute / DAY_MINUTES);
  }

  /**
   * Parses an ISO time with an offset (or Z) into a simulation minute (rounded down).
   * @param iso - e.g. 2026-03-02T08:15:00+08:00
   * @returns simulation minute
   */
  minuteOf(iso: string): number {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new RangeError(`not an ISO time: ${iso}`);
    return Math.floor(ms / 60_000) + OFFSET_MINUTES - this.startDay * DAY_MINUTES;
  }

  /**
   * @param date - YYYY-MM-DD
   * @returns its day index
   */
  dayIndex(date: string): number {
    return dayNumber(date) - this.startDay;
  }
}
