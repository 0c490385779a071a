/**
 * Parameters of the simulated days: routines' compliance with scanning, the disease's natural
 * history, transmission strengths per setting, how the sick seek tests, mass testing and the health
 * system's minimal response. Every default is documented; {@link resolveSimConfig} fills them in.
 */

/** A lognormal distribution given by its mean and standard deviation (days). */
export interface LognormalDays {
  readonly mean: number;
  readonly sd: number;
}

/**
 * Infectiousness over time relative to symptom onset (pseudo-onset for asymptomatic people): a
 * triangle rising from `startBeforeOnset` days before onset to a peak `peakBeforeOnset` days before
 * onset, falling to zero `endAfterOnset` days after it. The latent period never drops below
 * `minLatent` days (the triangle starts later for very short incubations).
 */
export interface InfectiousnessProfile {
  readonly startBeforeOnset: number;
  readonly peakBeforeOnset: number;
  readonly endAfterOnset: number;
  readonly minLatent: number;
}

/**
 * Transmission strength per setting: the hazard of infection for a susceptible person in
 * continuous contact with a fully infectious person over the whole infectious period; a contact of
 * duration d at time t contributes beta × relative infectiousness × ∫ profile over [t, t + d].
 */
export interface TransmissionRates {
  readonly household: number;
  /** Per team-mate (teams of {@link SimConfig.teamSize} at a workplace). */
  readonly workplace: number;
  /** Per classmate. */
  readonly school: number;
  /** Per co-visitor, scaled by crowding = min(1, venueCrowdingPeople / capacity). */
  readonly venue: number;
  /** Per fellow passenger in the same carriage and row; ×0.5 one row away, ×0.25 two rows away, ×0.5 if not enclosed. */
  readonly transport: number;
}

/** A series of mass-testing rounds over the whole city. */
export interface MassTesting {
  /** Day index (0 = start date) of the first round. */
  readonly firstDay: number;
  /** Days between rounds. */
  readonly everyDays: number;
  /** Share of residents (present in the city, not isolated) who give a sample. */
  readonly coverage: number;
  /** 1 = individual tubes; 5, 10 or 20 = pooled tubes (a positive pool is retested single-tube the next day). */
  readonly poolSize: 1 | 5 | 10 | 20;
}

/** Everything that shapes the simulated days. */
export interface SimConfig {
  /** Seed of the simulated days (independent of the city's seed). */
  readonly seed: number;
  /** First simulated day, YYYY-MM-DD (times are written at +08:00). */
  readonly startDate: string;
  /** Initial infections ("imported"), infected during the days before the start. */
  readonly seeds: number;
  /** Share of people (with a phone) who never scan place codes. */
  readonly neverScanShare: number;
  /** Chance that a scanning person skips the scan at one visit. */
  readonly skipScanShare: number;
  /** Share of scans without an exit scan (no time_out). */
  readonly noTimeOutShare: number;
  /** Chance per telecom record of being attributed to a neighbouring cell. */
  readonly telecomNoiseShare: number;
  /** Daily chance that an adult makes a day trip by train, coach or plane. */
  readonly tripShare: number;
  readonly incubation: LognormalDays;
  readonly infectiousness: InfectiousnessProfile;
  /** Share of infections that never develop symptoms. */
  readonly asymptomaticShare: number;
  /** Infectiousness of an asymptomatic person relative to a symptomatic one. */
  readonly asymptomaticRelativeInfectiousness: number;
  readonly rates: TransmissionRates;
  readonly teamSize: number;
  readonly classSize: number;
  readonly venueCrowdingPeople: number;
  /** Share of symptomatic people who seek a test. */
  readonly careSeekingShare: number;
  /** Delay from onset to the sample (days). */
  readonly careSeekingDelay: LognormalDays;
  /** Daily share of uninfected people with a fever who take a (negative) test. */
  readonly backgroundTestShare: number;
  /** Chance that a sample of a detectable person is positive. */
  readonly sensitivity: number;
  /** Mass-testing rounds; null = none. */
  readonly massTesting: MassTesting | null;
  /** The minimal response: a reported case is isolated (centralised) from its report time. */
  readonly isolateReportedCases: boolean;
  /** Length of that isolation, days. */
  readonly isolationDays: number;
}

/** Default parameters (SARS-CoV-2-like; see shared domain rules §6–7). */
export const defaultSimConfig: SimConfig = {
  seed: 1,
  startDate: '2026-03-02',
  seeds: 8,
  neverScanShare: 0.15,
  skipScanShare: 0.1,
  noTimeOutShare: 0.35,
  telecomNoiseShare: 0.05,
  tripShare: 0.002,
  incubation: { mean: 5.0, sd: 2.5 },
  infectiousness: { startBeforeOnset: 3, peakBeforeOnset: 1, endAfterOnset: 3, minLatent: 1 },
  asymptomaticShare: 0.35,
  asymptomaticRelativeInfectiousness: 0.5,
  rates: { household: 0.5, workplace: 0.25, school: 0.08, venue: 2.5, transport: 20 },
  teamSize: 10,
  classSize: 40,
  venueCrowdingPeople: 30,
  careSeekingShare: 0.85,
  careSeekingDelay: { mean: 1.5, sd: 1.0 },
  backgroundTestShare: 0.001,
  sensitivity: 0.95,
  massTesting: null,
  isolateReportedCases: true,
  isolationDays: 14,
};

/** Partial overrides of {@link SimConfig}; nested objects are replaced whole. */
export type SimConfigInput = Partial<SimConfig>;

/**
 * Fills in defaults and checks ranges.
 * @param input - overrides
 * @returns a complete configuration
 */
export function resolveSimConfig(input: SimConfigInput = {}): SimConfig {
  const config: SimConfig = { ...defaultSimConfig, ...input };
  const shares: (keyof SimConfig)[] = ['neverScanShare', 'skipScanShare', 'noTimeOutShare', 'telecomNoiseShare', 'tripShare', 'asymptomaticShare', 'careSeekingShare', 'backgroundTestShare', 'sensitivity'];
  for (const key of shares) {
    const value = config[key] as number;
    if (!(value >= 0 && value <= 1)) throw new RangeError(`${key} must be between 0 and 1`);
  }
  if (!Number.isInteger(config.seeds) || config.seeds < 0) throw new RangeError('seeds must be a non-negative integer');
  if (config.incubation.mean <= 0 || config.incubation.sd <= 0) throw new RangeError('incubation mean and sd must be positive');
  const p = config.infectiousness;
  if (!(p.startBeforeOnset >= p.peakBeforeOnset && p.peakBeforeOnset >= -p.endAfterOnset && p.startBeforeOnset + p.endAfterOnset > 0)) {
    throw new RangeError('infectiousness profile must rise before it falls');
  }
  if (config.massTesting !== null && ![1, 5, 10, 20].includes(config.massTesting.poolSize)) throw new RangeError('poolSize must be 1, 5, 10 or 20');
  return config;
}
