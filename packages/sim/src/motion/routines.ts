/**
 * A person's day, drawn from their occupation, age and the day of the week: home, commute, work
 * or school (with lunch out), kindergarten for small children, errands, meals and leisure at the
 * city's venues, and now and then a day trip by train, coach or plane.
 */
import { occupations } from '../model.js';
import type { Rng } from '../random.js';
import type { CityIndex } from './city-index.js';
import { stayKinds } from './day-presence.js';
import type { StayBuffer, StayKind } from './day-presence.js';
import type { Service } from './timetable.js';
import { activityIndex } from './venue-pools.js';

const WORKER = occupations.indexOf('worker');
const STUDENT = occupations.indexOf('student');
const RETIREE = occupations.indexOf('retiree');
const CHILD = occupations.indexOf('child');

const MEAL = activityIndex('meal');
const SHOP = activityIndex('shop');
const MARKET = activityIndex('market');
const LEISURE = activityIndex('leisure');
const ERRAND = activityIndex('errand');
const TRANSIT = activityIndex('transit');
const KINDERGARTEN = activityIndex('kindergarten');

/** Outing windows: [earliest start, latest start], minutes of the day. */
const WINDOWS = { morning: [420, 600], midday: [660, 750], afternoon: [840, 1020], evening: [1080, 1230] } as const;
type Window = keyof typeof WINDOWS;

/** Chance of an outing in each window and what it is for, on a day without work or school. */
interface FreeDay {
  readonly chance: Readonly<Record<Window, number>>;
  readonly activities: Readonly<Record<Window, readonly number[]>>;
}

const FREE_DAYS: Readonly<Record<'retiree' | 'unemployed' | 'weekend' | 'student' | 'child', FreeDay>> = {
  retiree: {
    chance: { morning: 0.55, midday: 0.05, afternoon: 0.35, evening: 0.12 },
    activities: { morning: [MARKET, MARKET, SHOP], midday: [MEAL], afternoon: [ERRAND, LEISURE, SHOP], evening: [SHOP, MEAL] },
  },
  unemployed: {
    chance: { morning: 0.2, midday: 0.25, afternoon: 0.35, evening: 0.35 },
    activities: { morning: [SHOP, MARKET], midday: [MEAL], afternoon: [LEISURE, SHOP, ERRAND], evening: [MEAL, LEISURE] },
  },
  weekend: {
    chance: { morning: 0.2, midday: 0.35, afternoon: 0.45, evening: 0.4 },
    activities: { morning: [SHOP, MARKET], midday: [MEAL], afternoon: [LEISURE, SHOP, LEISURE], evening: [MEAL, LEISURE] },
  },
  student: {
    chance: { morning: 0.05, midday: 0.25, afternoon: 0.45, evening: 0.25 },
    activities: { morning: [SHOP], midday: [MEAL], afternoon: [LEISURE, SHOP], evening: [MEAL, LEISURE] },
  },
  child: {
    chance: { morning: 0.25, midday: 0.15, afternoon: 0.3, evening: 0.1 },
    activities: { morning: [MARKET, SHOP], midday: [MEAL], afternoon: [SHOP, LEISURE], evening: [MEAL] },
  },
};

const EVENING_ACTIVITIES = [MEAL, MEAL, MEAL, SHOP, SHOP, SHOP, SHOP, LEISURE, LEISURE, ERRAND];

/** What a day plan needs besides the person. */
export interface PlanContext {
  readonly index: CityIndex;
  readonly services: readonly Service[];
  /** Indices of the services that leave the city. */
  readonly outbound: readonly number[];
  readonly tripShare: number;
}

/** Visits a venue; returns the time the visit ends, or -1 when no venue fits before `latest`. */
function visit(ctx: PlanContext, rng: Rng, out: StayBuffer, activity: number, town: number, at: number, latest: number): number {
  const venue = ctx.index.venues.pick(rng, activity, town);
  if (venue < 0) return -1;
  const end = at + ctx.index.venues.duration(rng, venue);
  if (end > latest) return -1;
  out.push(stayKinds.venue, venue, at, end);
  return end;
}

/** A day off: outings from home in some of the windows. */
function freeDay(ctx: PlanContext, rng: Rng, out: StayBuffer, household: number, town: number, plan: FreeDay): void {
  let home = 0;
  for (const window of ['morning', 'midday', 'afternoon', 'evening'] as const) {
    if (!rng.chance(plan.chance[window])) continue;
    const [lo, hi] = WINDOWS[window];
    const leave = Math.max(home + 30, rng.int(lo, hi));
    const arrive = leave + rng.int(10, 30);
    const end = visit(ctx, rng, out, rng.pick(plan.activities[window]), town, arrive, 1380);
    if (end < 0) continue;
    // The home stay before this outing goes in front of the venue just pushed.
    insertHomeBefore(out, household, home, leave);
    home = end + rng.int(10, 30);
  }
  out.push(stayKinds.home, household, home, 1440);
}

/** Inserts a home stay just before the last stay of the buffer. */
function insertHomeBefore(out: StayBuffer, household: number, start: number, end: number): void {
  if (end <= start) return;
  const last = out.count - 1;
  const kind = out.kind[last]!;
  const place = out.place[last]!;
  const s = out.start[last]!;
  const e = out.end[last]!;
  out.count = last;
  out.push(stayKinds.home, household, start, end);
  out.push(kind as StayKind, place, s, e);
}

/** A working (or school) day: commute, the place itself with lunch out for some, then evening visits. */
function busyDay(ctx: PlanContext, rng: Rng, out: StayBuffer, household: number, homeTown: number, kind: 1 | 2, place: number): void {
  const { index } = ctx;
  const school = kind === stayKinds.school;
  const category = index.city.places[place]!.category;
  let t = school ? rng.int(400, 450) : rng.int(450, 540);
  out.push(stayKinds.home, household, 0, t);
  if (!school && rng.chance(0.25)) {
    const end = visit(ctx, rng, out, TRANSIT, homeTown, t + rng.int(5, 15), t + 60);
    if (end > 0) t = end;
  }
  const begin = t + rng.int(15, 45);
  const finish = school ? (category === 'primary_school' ? 960 : category === 'middle_school' ? 1050 : 1020) + rng.int(0, 15) : begin + rng.int(480, 570);
  const placeTown = index.townOfRegion[index.city.places[place]!.region]!;
  if (!school && rng.chance(0.3)) {
    const lunch = Math.max(begin + 60, rng.int(690, 750));
    out.push(kind, place, begin, lunch);
    const end = visit(ctx, rng, out, MEAL, placeTown, lunch + 5, lunch + 80);
    out.push(kind, place, end > 0 ? end + 5 : lunch, finish);
  } else {
    out.push(kind, place, begin, finish);
  }
  t = finish + rng.int(10, 30);
  const outings = rng.chance(school ? 0.25 : 0.4) ? (rng.chance(0.3) ? 2 : 1) : 0;
  for (let k = 0; k < outings; k++) {
    const end = visit(ctx, rng, out, rng.pick(EVENING_ACTIVITIES), rng.chance(0.7) ? homeTown : placeTown, t, 1380);
    if (end < 0) break;
    t = end + rng.int(10, 30);
  }
  t += rng.int(15, 45);
  out.push(stayKinds.home, household, t, 1440);
}

/** A day trip: to the station, out on a morning service, back on an evening one. */
function tripDay(ctx: PlanContext, rng: Rng, out: StayBuffer, household: number): boolean {
  const { services } = ctx;
  const go = ctx.outbound[rng.int(0, ctx.outbound.length - 1)]!;
  const there = services[go]!;
  const backs: number[] = [];
  services.forEach((s, k) => {
    if (!s.outbound && s.mode === there.mode && s.route === there.route && s.depart >= there.arrive + 180 && s.arrive + 60 <= 1440) backs.push(k);
  });
  if (backs.length === 0) return false;
  const back = services[rng.pick(backs)]!;
  const backIndex = services.indexOf(back);
  out.push(stayKinds.home, household, 0, there.depart - rng.int(50, 90));
  out.push(stayKinds.ride, go, there.depart, there.arrive);
  out.push(stayKinds.away, -1, there.arrive, back.depart);
  out.push(stayKinds.ride, backIndex, back.depart, back.arrive);
  out.push(stayKinds.home, household, back.arrive + rng.int(30, 60), 1440);
  return true;
}

/**
 * Plans one person's day into `out` (cleared first).
 * @param ctx - city lookups and timetable
 * @param rng - the day's routine stream
 * @param person - person index
 * @param weekday - 0 = Monday … 6 = Sunday
 * @param out - buffer to fill
 */
export function planDay(ctx: PlanContext, rng: Rng, person: number, weekday: number, out: StayBuffer): void {
  out.clear();
  const { index } = ctx;
  const p = index.city.people;
  const household = p.household[person]!;
  const homeTown = index.townOfRegion[p.grid[person]!]!;
  const occupation = p.occupation[person]!;
  const age = index.age[person]!;
  const weekend = weekday >= 5;
  if (age >= 18 && age <= 75 && rng.chance(ctx.tripShare)) {
    if (tripDay(ctx, rng, out, household)) return;
    out.clear();
  }
  if (occupation === WORKER && (!weekend || rng.chance(0.15))) {
    busyDay(ctx, rng, out, household, homeTown, stayKinds.work, p.workplace[person]!);
  } else if (occupation === STUDENT && !weekend) {
    busyDay(ctx, rng, out, household, homeTown, stayKinds.school, p.school[person]!);
  } else if (occupation === CHILD && !weekend && age >= 3 && rng.chance(0.85)) {
    const start = rng.int(470, 520);
    const end = visit(ctx, rng, out, KINDERGARTEN, homeTown, start, 1100);
    if (end > 0) {
      insertHomeBefore(out, household, 0, start - rng.int(10, 20));
      out.push(stayKinds.home, household, end + rng.int(10, 20), 1440);
    } else {
      out.push(stayKinds.home, household, 0, 1440);
    }
  } else {
    const plan =
      occupation === RETIREE ? FREE_DAYS.retiree : occupation === CHILD ? FREE_DAYS.child : occupation === STUDENT ? FREE_DAYS.student : occupation === WORKER ? FREE_DAYS.weekend : FREE_DAYS.unemployed;
    freeDay(ctx, rng, out, household, homeTown, plan);
  }
}
