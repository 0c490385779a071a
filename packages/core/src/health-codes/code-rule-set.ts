import type { ClearingInput, CodeColour, TriggerInput } from './health-inputs.js';

/**
 * What ends a stage of a rule:
 * - `elapsed`: a number of days after the stage began;
 * - `fact-until`: the fact's own end (quarantine end, area lifted) plus `extraDays`; open while unknown;
 * - `evidence`: clearing facts (e.g. 2 negative tests at least 24 h apart within 3 days) after the stage
 *   began, or up to `lookBackHours` before it;
 * - `any-of`: whichever of several ends comes first.
 */
export type Clearance =
  | { readonly kind: 'elapsed'; readonly days: number }
  | { readonly kind: 'fact-until'; readonly extraDays: number }
  | {
      readonly kind: 'evidence';
      readonly input: ClearingInput;
      readonly count: number;
      readonly minHoursApart: number;
      /** All counted facts fall within this many days of the first, or null for no limit. */
      readonly withinDays: number | null;
      readonly lookBackHours: number;
    }
  | { readonly kind: 'any-of'; readonly of: readonly Clearance[] };

/** One colour held until its clearance. Stages follow each other: red → yellow → (green). */
export interface CodeStage {
  readonly colour: Exclude<CodeColour, 'green'>;
  readonly clearance: Clearance;
}

/** One rule: a trigger fact gives the person these stages, starting at the fact. */
export interface CodeRule {
  /** Rule key; the rule id is `<rulePrefix>/<key>`. */
  readonly key: string;
  readonly input: TriggerInput;
  /** For risk-area inputs: the area levels this rule applies to; omitted = any. */
  readonly areaLevels?: readonly string[] | undefined;
  readonly stages: readonly CodeStage[];
  /** Key of the plain-words reason shown to the person (translated by the apps). */
  readonly reasonKey: string;
}

/** A health-code rule set as data, tied to the protocol profiles it serves. */
export interface CodeRuleSet {
  readonly id: string;
  readonly rulePrefix: string;
  readonly title: string;
  readonly protocolProfileIds: readonly string[];
  readonly rules: readonly CodeRule[];
}
