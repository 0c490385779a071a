/**
 * Compares the ground truth of a simulated outbreak with what the platform found: how many true
 * infectees were already listed as contacts or under control when they became cases, how fast a
 * case's contacts were controlled, how many people were quarantined per true infection, and the
 * recall and precision of traced (case → contact) links against true (infector → infectee) pairs,
 * and that recall restricted to the pairs tracing could have found (recorded, infector a found case).
 * Pure: the caller reads the files.
 */
import type { PersonRestriction } from '../outbreak/restrictions.js';

/** One row of the ground truth (truth/<date>.infections.csv). */
export interface TruthInfection {
  readonly infectee: string;
  /** Null for seeds and imports. */
  readonly infector: string | null;
  readonly setting: string;
  readonly place: string;
  /** ISO time. */
  readonly infectedAt: string;
  /** YYYY-MM-DD, null for asymptomatic infections. */
  readonly onsetDate: string | null;
  readonly recorded: boolean;
  /**
   * Which data shows it (`registry`, `manifest`, `scans`, `telecom`; `unknown` in older runs), or
   * null. Absent = as `recorded` says, by an unknown source.
   */
  readonly recordedBy?: string | null;
}

/** Sources the close-contact rules read: the household registry, manifests, place-code scans. */
const CONTACT_RULE_SOURCES = new Set(['registry', 'manifest', 'scans']);

/** Recorded through a source the close-contact rules read (telecom feeds companions only). */
function recordedForContactRules(inf: TruthInfection): boolean {
  return inf.recordedBy !== undefined && inf.recordedBy !== null && CONTACT_RULE_SOURCES.has(inf.recordedBy);
}

/** A case the platform knows of. */
export interface FoundCase {
  readonly residentId: string;
  /** ISO time of the first report. */
  readonly reportedAt: string;
  /** YYYY-MM-DD of the first positive sample. */
  readonly samplingDate: string;
  readonly onsetDate: string | null;
}

/** A contact the platform listed for a case. */
export interface TracedContact {
  readonly caseResidentId: string;
  readonly contactResidentId: string;
  /** ISO time. */
  readonly listedAt: string;
}

/** What the platform found, read by the caller from wherever it lives. */
export interface PlatformFindings {
  readonly cases: readonly FoundCase[];
  readonly contacts: readonly TracedContact[];
  readonly restrictions: readonly PersonRestriction[];
}

/** Figures for one day or the whole run (null = nothing to measure). */
export interface EvaluationFigures {
  readonly trueInfections: number;
  /** Share of true infections whose co-presence appears in the emitted data. */
  readonly recordedShare: number | null;
  readonly casesFound: number;
  /** True infectees (not seeds) who became found cases. */
  readonly infecteesBecameCases: number;
  /** Of those, already listed as a contact or under isolation/quarantine on the day they became cases. */
  readonly alreadyControlled: number;
  readonly shareAlreadyControlled: number | null;
  /** Hours from a case's report to each of its listed contacts being placed under control. */
  readonly hoursToControlContacts: { readonly contacts: number; readonly controlled: number; readonly median: number | null; readonly mean: number | null };
  /** People placed under quarantine or home isolation. */
  readonly quarantined: number;
  readonly quarantinedPerInfection: number | null;
  readonly links: LinkFigures;
}

/** Traced (case → contact) links against true (infector → infectee) pairs. */
export interface LinkFigures {
  readonly traced: number;
  readonly true: number;
  readonly truePositive: number;
  readonly recall: number | null;
  readonly precision: number | null;
  /** True pairs that were recorded (co-presence in the emitted data) and whose infector became a found case. */
  readonly trueRecorded: number;
  /** Of those, how many were traced. */
  readonly trueRecordedFound: number;
  /** Recall among the recorded pairs whose infector became a found case: trueRecordedFound / trueRecorded. */
  readonly recallRecorded: number | null;
  /**
   * Of those pairs, the ones recorded by a source the close-contact rules read (household registry,
   * transport manifest, both people's place-code scans) rather than telecom cells alone.
   */
  readonly trueRuleRecorded: number;
  readonly trueRuleRecordedFound: number;
  /** Recall among those: the figure the "≥ 99% of recorded co-presence" target is about. */
  readonly recallRuleRecorded: number | null;
}

/** The evaluation of a run. */
export interface Evaluation {
  readonly overall: EvaluationFigures;
  readonly days: readonly (EvaluationFigures & { readonly date: string })[];
  readonly notes: readonly string[];
}

const CONTROL_KINDS = new Set(['isolation', 'quarantine', 'home_isolation']);
const QUARANTINE_KINDS = new Set(['quarantine', 'home_isolation']);
const HOUR = 3_600_000;

/** The +08:00 calendar date of an ISO time. */
function localDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * HOUR).toISOString().slice(0, 10);
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

interface Tallies {
  trueInfections: number;
  recorded: number;
  casesFound: number;
  became: number;
  controlled: number;
  delays: number[];
  contacts: number;
  quarantined: Set<string>;
  traced: number;
  truePairs: number;
  tracedTrue: number;
  truePairsFound: number;
  trueRecorded: number;
  trueRecordedFound: number;
  trueRuleRecorded: number;
  trueRuleRecordedFound: number;
}

const emptyTallies = (): Tallies => ({ trueInfections: 0, recorded: 0, casesFound: 0, became: 0, controlled: 0, delays: [], contacts: 0, quarantined: new Set(), traced: 0, truePairs: 0, tracedTrue: 0, truePairsFound: 0, trueRecorded: 0, trueRecordedFound: 0, trueRuleRecorded: 0, trueRuleRecordedFound: 0 });

function figures(t: Tallies, tracing: boolean): EvaluationFigures {
  const sorted = [...t.delays].sort((a, b) => a - b);
  const median = sorted.length === 0 ? null : sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return {
    trueInfections: t.trueInfections,
    recordedShare: ratio(t.recorded, t.trueInfections),
    casesFound: t.casesFound,
    infecteesBecameCases: t.became,
    alreadyControlled: t.controlled,
    shareAlreadyControlled: ratio(t.controlled, t.became),
    hoursToControlContacts: { contacts: t.contacts, controlled: t.delays.length, median, mean: sorted.length === 0 ? null : sorted.reduce((a, b) => a + b, 0) / sorted.length },
    quarantined: t.quarantined.size,
    quarantinedPerInfection: ratio(t.quarantined.size, t.trueInfections),
    links: {
      traced: t.traced,
      true: t.truePairs,
      truePositive: t.tracedTrue,
      recall: tracing ? ratio(t.truePairsFound, t.truePairs) : null,
      precision: tracing ? ratio(t.tracedTrue, t.traced) : null,
      trueRecorded: t.trueRecorded,
      trueRecordedFound: t.trueRecordedFound,
      recallRecorded: tracing ? ratio(t.trueRecordedFound, t.trueRecorded) : null,
      trueRuleRecorded: t.trueRuleRecorded,
      trueRuleRecordedFound: t.trueRuleRecordedFound,
      recallRuleRecorded: tracing ? ratio(t.trueRuleRecordedFound, t.trueRuleRecorded) : null,
    },
  };
}

/**
 * Evaluates a run.
 * @param truth - every ground-truth infection
 * @param findings - what the platform found
 * @returns figures per day and overall, with notes on what could not be measured
 */
export function evaluate(truth: readonly TruthInfection[], findings: PlatformFindings): Evaluation {
  const overall = emptyTallies();
  const byDay = new Map<string, Tallies>();
  const day = (date: string): Tallies => {
    let t = byDay.get(date);
    if (t === undefined) byDay.set(date, (t = emptyTallies()));
    return t;
  };
  const both = (date: string, f: (t: Tallies) => void): void => {
    f(overall);
    f(day(date));
  };

  const controls = new Map<string, PersonRestriction[]>();
  for (const r of findings.restrictions) {
    if (!CONTROL_KINDS.has(r.kind)) continue;
    controls.set(r.residentId, [...(controls.get(r.residentId) ?? []), r]);
    if (QUARANTINE_KINDS.has(r.kind)) both(localDate(r.from), (t) => t.quarantined.add(r.residentId));
  }
  const listings = new Map<string, TracedContact[]>();
  for (const c of findings.contacts) listings.set(c.contactResidentId, [...(listings.get(c.contactResidentId) ?? []), c]);
  const cases = new Map<string, FoundCase>();
  for (const c of findings.cases) {
    const known = cases.get(c.residentId);
    if (known === undefined || c.reportedAt < known.reportedAt) cases.set(c.residentId, c);
  }
  for (const c of cases.values()) both(localDate(c.reportedAt), (t) => t.casesFound++);

  const truePairs = new Set<string>();
  for (const inf of truth) {
    both(localDate(inf.infectedAt), (t) => {
      t.trueInfections++;
      if (inf.recorded) t.recorded++;
    });
    if (inf.infector === null) continue;
    truePairs.add(`${inf.infector}>${inf.infectee}`);
    const found = cases.get(inf.infectee);
    if (found === undefined) continue;
    const became = inf.onsetDate ?? found.samplingDate;
    const listed = (listings.get(inf.infectee) ?? []).some((c) => localDate(c.listedAt) <= became);
    const underControl = (controls.get(inf.infectee) ?? []).some((r) => localDate(r.from) <= became && (r.until === undefined || localDate(r.until) >= became));
    both(became, (t) => {
      t.became++;
      if (listed || underControl) t.controlled++;
    });
  }

  const tracing = findings.contacts.length > 0;
  const tracedPairs = new Set<string>();
  for (const c of findings.contacts) {
    const key = `${c.caseResidentId}>${c.contactResidentId}`;
    if (tracedPairs.has(key)) continue;
    tracedPairs.add(key);
    const isTrue = truePairs.has(key);
    both(localDate(c.listedAt), (t) => {
      t.traced++;
      if (isTrue) t.tracedTrue++;
    });
    const index = cases.get(c.caseResidentId);
    if (index === undefined) continue;
    const reported = Date.parse(index.reportedAt);
    const starts = (controls.get(c.contactResidentId) ?? []).filter((r) => r.until === undefined || Date.parse(r.until) > reported).map((r) => Math.max(0, Date.parse(r.from) - reported) / HOUR);
    both(localDate(index.reportedAt), (t) => {
      t.contacts++;
      if (starts.length > 0) t.delays.push(Math.min(...starts));
    });
  }
  for (const inf of truth) {
    if (inf.infector === null) continue;
    const found = tracedPairs.has(`${inf.infector}>${inf.infectee}`);
    const traceable = inf.recorded && cases.has(inf.infector);
    both(localDate(inf.infectedAt), (t) => {
      t.truePairs++;
      if (found) t.truePairsFound++;
      if (traceable) {
        t.trueRecorded++;
        if (found) t.trueRecordedFound++;
        if (recordedForContactRules(inf)) {
          t.trueRuleRecorded++;
          if (found) t.trueRuleRecordedFound++;
        }
      }
    });
  }

  const notes: string[] = [];
  if (!tracing) notes.push('no traced links yet: the platform listed no contacts, so recall, precision and time to control contacts are not measured');
  if (findings.cases.length === 0) notes.push('no cases found by the platform');
  return {
    overall: figures(overall, tracing),
    days: [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, t]) => ({ date, ...figures(t, tracing) })),
    notes,
  };
}
