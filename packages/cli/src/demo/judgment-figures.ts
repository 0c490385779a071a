import type { TruthInfection } from '@epigrid/sim';

type Colour = 'green' | 'yellow' | 'red';

/** What the platform judged, in the simulator's terms. */
export interface JudgmentFindings {
  /** Registered persons (everyone never judged is green). */
  readonly population: number;
  /** Every colour change, in order. */
  readonly colourChanges: ReadonlyArray<{ readonly residentId: string; readonly colour: Colour; readonly at: string }>;
  /** Every area level change, in order. */
  readonly areaChanges: ReadonlyArray<{ readonly areaId: number; readonly level: string; readonly background: boolean; readonly at: string }>;
}

/** Colours and risk areas at the end of one local day. */
export interface JudgmentDay {
  readonly date: string;
  readonly red: number;
  readonly yellow: number;
  readonly green: number;
  /** Risk areas (background level excluded) by level. */
  readonly riskAreas: Readonly<Record<string, number>>;
}

/** The effect of the colour rules on the true infections. */
export interface JudgmentFigures {
  readonly days: readonly JudgmentDay[];
  readonly infections: number;
  /** Infectees whose code was red or yellow when they were infected. */
  readonly flaggedAtInfection: number;
  /** Symptomatic infectees. */
  readonly symptomatic: number;
  /** Symptomatic infectees red or yellow at some time between infection and onset. */
  readonly flaggedBeforeOnset: number;
  /** Infectees red or yellow at infection, or before onset. */
  readonly flaggedEither: number;
  readonly shareFlagged: number | null;
}

const endOfDay = (date: string): number => Date.parse(`${date}T23:59:59.999+08:00`);

/**
 * Per day, the colour counts and risk areas by level; overall, how many true infectees were already
 * red or yellow when infected or before their onset (the share a colour could have kept at home).
 * @param truth - the ground truth
 * @param findings - the platform's judgments
 * @param dates - the run's days (YYYY-MM-DD, +08:00)
 */
export function judgmentFigures(truth: readonly TruthInfection[], findings: JudgmentFindings, dates: readonly string[]): JudgmentFigures {
  const timelines = new Map<string, Array<{ at: number; colour: Colour }>>();
  for (const c of findings.colourChanges) {
    const list = timelines.get(c.residentId) ?? [];
    list.push({ at: Date.parse(c.at), colour: c.colour });
    timelines.set(c.residentId, list);
  }
  const colourAt = (list: ReadonlyArray<{ at: number; colour: Colour }>, t: number): Colour => {
    let colour: Colour = 'green';
    for (const c of list) if (c.at <= t) colour = c.colour;
    return colour;
  };
  const flaggedBetween = (residentId: string, from: number, to: number): boolean => {
    const list = timelines.get(residentId) ?? [];
    return colourAt(list, from) !== 'green' || list.some((c) => c.at > from && c.at < to && c.colour !== 'green');
  };
  const days = dates.map((date): JudgmentDay => {
    const t = endOfDay(date);
    let red = 0;
    let yellow = 0;
    for (const list of timelines.values()) {
      const colour = colourAt(list, t);
      if (colour === 'red') red++;
      else if (colour === 'yellow') yellow++;
    }
    const areaLevel = new Map<number, { level: string; background: boolean }>();
    for (const a of findings.areaChanges) if (Date.parse(a.at) <= t) areaLevel.set(a.areaId, a);
    const riskAreas: Record<string, number> = {};
    for (const a of areaLevel.values()) if (!a.background) riskAreas[a.level] = (riskAreas[a.level] ?? 0) + 1;
    return { date, red, yellow, green: findings.population - red - yellow, riskAreas };
  });
  let atInfection = 0;
  let symptomatic = 0;
  let beforeOnset = 0;
  let either = 0;
  for (const inf of truth) {
    const infected = Date.parse(inf.infectedAt);
    const atInf = flaggedBetween(inf.infectee, infected, infected);
    const onset = inf.onsetDate === null ? null : Date.parse(`${inf.onsetDate}T00:00:00+08:00`);
    const before = onset !== null && onset > infected && flaggedBetween(inf.infectee, infected, onset);
    if (atInf) atInfection++;
    if (onset !== null) symptomatic++;
    if (before) beforeOnset++;
    if (atInf || before) either++;
  }
  return {
    days,
    infections: truth.length,
    flaggedAtInfection: atInfection,
    symptomatic,
    flaggedBeforeOnset: beforeOnset,
    flaggedEither: either,
    shareFlagged: truth.length === 0 ? null : either / truth.length,
  };
}

/**
 * Formats the figures as a table under the evaluation.
 * @param figures - the judgment figures
 */
export function formatJudgmentFigures(figures: JudgmentFigures): string {
  const header = ['date'.padEnd(10), 'red'.padStart(7), 'yellow'.padStart(7), 'green'.padStart(9), 'risk areas by level'].join(' ');
  const rows = figures.days.map((d) =>
    [
      d.date.padEnd(10),
      String(d.red).padStart(7),
      String(d.yellow).padStart(7),
      String(d.green).padStart(9),
      Object.entries(d.riskAreas).map(([level, n]) => `${level} ${n}`).join(', ') || '—',
    ].join(' '),
  );
  const share = figures.shareFlagged === null ? '—' : `${(figures.shareFlagged * 100).toFixed(1)}%`;
  return [
    'health codes and risk areas (end of each day)',
    header,
    ...rows,
    `true infectees red/yellow at infection or before onset: ${figures.flaggedEither}/${figures.infections} (${share}); ` +
      `at infection ${figures.flaggedAtInfection}, before onset ${figures.flaggedBeforeOnset}/${figures.symptomatic} symptomatic`,
  ].join('\n');
}
