/**
 * The only facts a health-code rule may read (domain-rules §4.5: "allow only health-relevant data
 * sources as rule inputs"). A rule naming anything else (a bank list, a petition list) is refused at
 * load. Trigger inputs can make a code yellow or red; clearing inputs only end a stage.
 */
export const triggerInputs = [
  'case',
  'suspected-case',
  'positive-test',
  'close-contact',
  'sub-close-contact',
  'companion',
  'pooled-tube-positive',
  'missed-required-test',
  'risk-area-visit',
  'risk-area-residence',
] as const;

/** Facts that only clear a stage: a negative test, a completed quarantine. */
export const clearingInputs = ['negative-test', 'quarantine-completed'] as const;

/** Every health fact a rule may name. */
export const healthInputs = [...triggerInputs, ...clearingInputs] as const;

/** One of {@link triggerInputs}. */
export type TriggerInput = (typeof triggerInputs)[number];
/** One of {@link clearingInputs}. */
export type ClearingInput = (typeof clearingInputs)[number];
/** One of {@link healthInputs}. */
export type HealthInput = (typeof healthInputs)[number];

/** The three colours, least severe first. */
export const codeColours = ['green', 'yellow', 'red'] as const;
/** One of {@link codeColours}. */
export type CodeColour = (typeof codeColours)[number];

/**
 * Severity order of colours (green 0, yellow 1, red 2).
 * @param colour - a colour
 */
export function colourRank(colour: CodeColour): number {
  return codeColours.indexOf(colour);
}

/** Tables a fact can come from (a transport ticket: a trip from or to a risk area). */
export const evidenceSources = ['case_report', 'traced_contact', 'lab_result', 'check_in', 'transport_ticket', 'risk_area_level', 'task_outcome'] as const;

/** Where a fact came from: a table and a row id, so every colour can be traced to its records. */
export interface EvidenceRef {
  readonly source: (typeof evidenceSources)[number];
  readonly id: number;
}

/** One health fact about a person. Times are epoch seconds. */
export interface HealthFact {
  readonly input: HealthInput;
  /** When the fact became true (report, listing, sample, scan). */
  readonly at: number;
  /** When the fact stops holding (end of quarantine, area lifted), or null/undefined when open-ended. */
  readonly until?: number | null | undefined;
  /** For risk-area facts: the area's level. */
  readonly areaLevel?: string | undefined;
  readonly evidence: EvidenceRef;
}
