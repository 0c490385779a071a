import type { TruthInfection } from '@epigrid/sim';
import { createIdentifierVault } from '@epigrid/store';
import type { Opened } from '../open-configured.js';

/** Why a recorded true transmission is not among the traced links of its infector. */
export type MissReason =
  | 'infector-not-traced'
  | 'before-window'
  | 'after-window'
  | 'telecom-only'
  | 'household-not-in-registry'
  | 'venue-row-missing'
  | 'venue-open-ended-cut'
  | 'venue-below-threshold'
  | 'transport-row-missing'
  | 'transport-outside-seating-rule'
  | 'unexplained';

/** One missed transmission with what the platform held about it. */
export interface Miss {
  readonly infector: string;
  readonly infectee: string;
  readonly setting: string;
  readonly infectedAt: string;
  readonly reason: MissReason;
  readonly detail: string;
}

/** A case of the infector as traced. */
export interface TracedCaseFacts {
  readonly windowFrom: number;
  readonly windowTo: number;
}

/** A check-in as stored (epoch seconds). */
export interface StoredStay {
  readonly timeIn: number;
  readonly timeOut: number | null;
}

/** What the platform held about one pair. */
export interface PairFacts {
  readonly trace: TracedCaseFacts | null;
  readonly sameHousehold: boolean;
  /** Check-ins of the infector and the infectee at the venue of the infection, that day. */
  readonly infectorStays: readonly StoredStay[];
  readonly infecteeStays: readonly StoredStay[];
  /** Both hold a ticket of the service. */
  readonly bothTicketed: boolean;
}

/** Thresholds the classification applies (the profile's venue rule). */
export interface VenueThreshold {
  readonly minutes: number;
  readonly openEndedMinutes: number;
}

function overlapSeconds(a: StoredStay, b: StoredStay, open: number, openIsUnbounded: boolean): number {
  const endOf = (s: StoredStay): number => (s.timeOut === null ? (openIsUnbounded ? Number.MAX_SAFE_INTEGER : s.timeIn + open) : s.timeOut);
  return Math.min(endOf(a), endOf(b)) - Math.max(a.timeIn, b.timeIn);
}

/**
 * Classifies one missed recorded transmission by the first cause that explains it. Pure.
 * @param inf - the true transmission
 * @param facts - what the platform held
 * @param rule - the profile's venue threshold
 * @returns the cause and a short account
 */
export function classifyMiss(inf: TruthInfection, facts: PairFacts, rule: VenueThreshold): { reason: MissReason; detail: string } {
  const at = Date.parse(inf.infectedAt) / 1000;
  const t = facts.trace;
  if (t === null) return { reason: 'infector-not-traced', detail: 'the infector is a case but no trace is stored' };
  if (at < t.windowFrom) return { reason: 'before-window', detail: `${((t.windowFrom - at) / 3600).toFixed(1)} h before the exposure window` };
  if (at > t.windowTo) return { reason: 'after-window', detail: `${((at - t.windowTo) / 3600).toFixed(1)} h after the window end` };
  if (inf.recordedBy === 'telecom') return { reason: 'telecom-only', detail: `${inf.setting}: only both phones in one cell show it (no close-contact rule reads telecom)` };
  if (inf.setting === 'household') return facts.sameHousehold ? { reason: 'unexplained', detail: 'same household in the registry' } : { reason: 'household-not-in-registry', detail: '' };
  if (inf.setting === 'transport') {
    if (!facts.bothTicketed) return { reason: 'transport-row-missing', detail: '' };
    return { reason: 'transport-outside-seating-rule', detail: 'both ticketed, not within the seating rule' };
  }
  if (inf.setting !== 'venue') return { reason: 'telecom-only', detail: `${inf.setting}: recorded only as both phones in one cell` };
  const covering = (s: StoredStay, open: number): boolean => s.timeIn <= at && at <= (s.timeOut ?? s.timeIn + open);
  const open = rule.openEndedMinutes * 60;
  const a = facts.infectorStays.filter((s) => covering(s, Number.MAX_SAFE_INTEGER));
  const b = facts.infecteeStays.filter((s) => covering(s, Number.MAX_SAFE_INTEGER));
  if (a.length === 0 || b.length === 0) return { reason: facts.infectorStays.length === 0 || facts.infecteeStays.length === 0 ? 'venue-row-missing' : 'telecom-only', detail: `scans: infector ${facts.infectorStays.length}, infectee ${facts.infecteeStays.length}` };
  let best = 0;
  let unbounded = 0;
  for (const x of a)
    for (const y of b) {
      best = Math.max(best, overlapSeconds(x, y, open, false));
      unbounded = Math.max(unbounded, overlapSeconds(x, y, open, true));
    }
  if (best >= rule.minutes * 60) return { reason: 'unexplained', detail: `overlap ${Math.floor(best / 60)} min` };
  if (unbounded >= rule.minutes * 60) return { reason: 'venue-open-ended-cut', detail: `overlap ${Math.floor(best / 60)} min with open-ended stays cut at ${rule.openEndedMinutes} min` };
  return { reason: 'venue-below-threshold', detail: `overlap ${Math.floor(best / 60)} min` };
}

const seconds = (d: Date | string): number => Math.floor(new Date(d).getTime() / 1000);

/**
 * Lists every recorded true transmission whose infector is a found case but whose link was not
 * traced, with the cause.
 * @param opened - the platform's database
 * @param truth - the run's ground truth
 * @param rule - the profile's venue threshold
 */
export async function diagnoseMisses(opened: Opened, truth: readonly TruthInfection[], rule: VenueThreshold): Promise<Miss[]> {
  const vault = createIdentifierVault(opened.secret);
  const db = opened.db;
  const ids = new Map<string, { id: number; household: number | null }>();
  const personOf = async (residentId: string): Promise<{ id: number; household: number | null } | undefined> => {
    if (!ids.has(residentId)) {
      const r = await db.query<{ id: number; household: number | null }>('SELECT id::int, household_id::int AS household FROM person WHERE id_number_hash = $1', [vault.hash(residentId)]);
      if (r.rows[0]) ids.set(residentId, r.rows[0]);
    }
    return ids.get(residentId);
  };
  const misses: Miss[] = [];
  for (const inf of truth) {
    if (inf.infector === null || !inf.recorded) continue;
    const infector = await personOf(inf.infector);
    const infectee = await personOf(inf.infectee);
    if (infector === undefined || infectee === undefined) continue;
    const cases = await db.query<{ id: number; windowFrom: Date | null; windowTo: Date | null }>(
      `SELECT c.id::int, t.window_from AS "windowFrom", t.window_to AS "windowTo"
       FROM case_report c LEFT JOIN case_trace t ON t.case_report_id = c.id
       WHERE c.person_id = $1 AND c.classification IN ('confirmed', 'asymptomatic') ORDER BY c.report_time LIMIT 1`,
      [infector.id],
    );
    const found = cases.rows[0];
    if (found === undefined) continue;
    const linked = await db.query('SELECT 1 FROM traced_contact tc JOIN case_report c ON c.id = tc.case_report_id WHERE c.person_id = $1 AND tc.person_id = $2 AND tc.kind IN ($3, $4) LIMIT 1', [infector.id, infectee.id, 'close', 'sub-close']);
    if (linked.rows.length > 0) continue;
    const trace = found.windowFrom === null ? null : { windowFrom: seconds(found.windowFrom), windowTo: seconds(found.windowTo!) };
    const stays = async (person: number): Promise<StoredStay[]> => {
      if (inf.setting !== 'venue') return [];
      const r = await db.query<{ timeIn: Date; timeOut: Date | null }>(
        `SELECT ci.time_in AS "timeIn", ci.time_out AS "timeOut"
         FROM check_in ci JOIN place p ON p.id = ci.place_id
         WHERE ci.person_id = $1 AND p.place_code = $2 AND ci.time_in BETWEEN $3::timestamptz - interval '1 day' AND $3::timestamptz`,
        [person, inf.place, inf.infectedAt],
      );
      return r.rows.map((x) => ({ timeIn: seconds(x.timeIn), timeOut: x.timeOut === null ? null : seconds(x.timeOut) }));
    };
    let bothTicketed = false;
    if (inf.setting === 'transport') {
      const r = await db.query<{ n: number }>('SELECT count(DISTINCT person_id)::int AS n FROM transport_ticket WHERE service_id = $1 AND person_id IN ($2, $3)', [inf.place, infector.id, infectee.id]);
      bothTicketed = r.rows[0]!.n === 2;
    }
    const facts: PairFacts = {
      trace,
      sameHousehold: infector.household !== null && infector.household === infectee.household,
      infectorStays: await stays(infector.id),
      infecteeStays: await stays(infectee.id),
      bothTicketed,
    };
    misses.push({ infector: inf.infector, infectee: inf.infectee, setting: inf.setting, infectedAt: inf.infectedAt, ...classifyMiss(inf, facts, rule) });
  }
  return misses;
}
