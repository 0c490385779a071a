/**
 * Everything the simulator has been told to enforce (and its own case isolations), turned into
 * per-day confinement windows for people and for the grids of locked-down areas.
 */
import type { City } from '../model.js';
import type { SimClock } from './sim-clock.js';
import { DAY_MINUTES } from './sim-clock.js';
import { confinementOf, isAreaLockdown, restrictionKey } from './restrictions.js';
import type { ConfinementLevel, Restriction } from './restrictions.js';

/** A confinement during part of a day, minutes of that day [from, until). */
export interface DayWindow {
  readonly level: ConfinementLevel;
  readonly from: number;
  readonly until: number;
}

/** Who issued a logged restriction. */
export type RestrictionSource = 'platform' | 'simulator';

/** A restriction as the simulator logged it. */
export type LoggedRestriction = Restriction & { readonly source: RestrictionSource };

interface Entry {
  restriction: LoggedRestriction;
  /** Person index, or region index for area lockdowns. */
  readonly target: number;
  readonly area: boolean;
  readonly level: ConfinementLevel;
  readonly from: number;
  until: number;
}

/** The windows of one day. */
export interface DayWindows {
  readonly byPerson: ReadonlyMap<number, readonly DayWindow[]>;
  readonly byGrid: ReadonlyMap<number, readonly DayWindow[]>;
}

/** Remembers restrictions and answers which apply on a day. */
export class RestrictionBook {
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, Entry>();
  private personByResidentId: Map<string, number> | null = null;
  private readonly regionByCode: Map<string, number>;
  /** Restrictions naming a resident ID or region code the city does not have. */
  unknownTargets = 0;

  /**
   * @param city - the city
   * @param clock - the simulation clock
   */
  constructor(
    private readonly city: City,
    private readonly clock: SimClock,
  ) {
    this.regionByCode = new Map(city.regions.map((region, r) => [region.code, r]));
  }

  /**
   * Records a restriction (repeats are ignored; a changed `until` replaces the old one).
   * @param restriction - the decision
   * @param source - who issued it
   * @returns true when it was new or changed
   */
  add(restriction: Restriction, source: RestrictionSource): boolean {
    const key = restrictionKey(restriction);
    const until = restriction.until === undefined ? Number.POSITIVE_INFINITY : this.clock.minuteOf(restriction.until);
    const known = this.byKey.get(key);
    if (known !== undefined) {
      if (known.until === until) return false;
      known.until = until;
      known.restriction = { ...restriction, source: known.restriction.source };
      return true;
    }
    const area = isAreaLockdown(restriction);
    const target = area ? (this.regionByCode.get(restriction.regionCode) ?? -1) : (this.residents().get(restriction.residentId) ?? -1);
    if (target < 0) {
      this.unknownTargets++;
      return false;
    }
    const entry: Entry = { restriction: { ...restriction, source }, target, area, level: confinementOf(restriction.kind), from: this.clock.minuteOf(restriction.from), until };
    this.entries.push(entry);
    this.byKey.set(key, entry);
    return true;
  }

  /** @returns every restriction recorded so far, in the order first recorded */
  all(): readonly LoggedRestriction[] {
    return this.entries.map((entry) => entry.restriction);
  }

  /**
   * @param day - day index
   * @returns the confinement windows intersecting that day, sorted by start
   */
  windowsFor(day: number): DayWindows {
    const dayStart = day * DAY_MINUTES;
    const byPerson = new Map<number, DayWindow[]>();
    const byRegion = new Map<number, DayWindow[]>();
    for (const entry of this.entries) {
      const from = Math.max(0, entry.from - dayStart);
      const until = Math.min(DAY_MINUTES, entry.until - dayStart);
      if (until <= from) continue;
      const map = entry.area ? byRegion : byPerson;
      const list = map.get(entry.target) ?? [];
      list.push({ level: entry.level, from, until });
      map.set(entry.target, list);
    }
    for (const list of byPerson.values()) list.sort((a, b) => a.from - b.from || a.level - b.level);
    const byGrid = new Map<number, DayWindow[]>();
    if (byRegion.size > 0) {
      this.city.regions.forEach((region, r) => {
        if (region.level !== 'grid') return;
        const windows: DayWindow[] = [];
        for (let up = r; up >= 0; up = this.city.regions[up]!.parent) windows.push(...(byRegion.get(up) ?? []));
        if (windows.length > 0) byGrid.set(r, windows.sort((a, b) => a.from - b.from));
      });
    }
    return { byPerson, byGrid };
  }

  private residents(): Map<string, number> {
    if (this.personByResidentId === null) {
      const ids = this.city.people.idNumber;
      this.personByResidentId = new Map();
      for (let i = 0; i < ids.length; i++) this.personByResidentId.set(ids[i]!, i);
    }
    return this.personByResidentId;
  }
}
