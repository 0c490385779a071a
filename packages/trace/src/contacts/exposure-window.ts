import { dayNumberOf, localMidnight, ruleId, type ProtocolProfile } from '@epigrid/core';
import type { ExposureWindow } from './contact-types.js';

/** A case as the trace engine needs it. */
export interface CaseInput {
  /** The store's case id. */
  readonly caseId: number;
  readonly personId: number;
  /** Symptom onset (YYYY-MM-DD), or null for an asymptomatic infection. */
  readonly onsetDate: string | null;
  /** Date of the first positive sample (YYYY-MM-DD). */
  readonly samplingDate: string;
  /** Epoch seconds when the case was isolated, or null when not yet (the trace's `asOf` is used). */
  readonly isolatedAt: number | null;
  /** Found by routine periodic screening: epoch seconds of the last negative sample, when known. */
  readonly lastNegativeSampleAt?: number | null;
}

/**
 * The exposure window of a case under a profile (domain-rules §1.1, §1.4): from local midnight of
 * the onset (or, without onset, sampling) date minus D days, or from the last negative screening
 * sample when the profile's switch is on, until isolation (or `asOf`), optionally capped after the
 * anchor day. Both ends are included.
 * @param c - the case
 * @param profile - protocol profile
 * @param utcOffsetMinutes - local offset used for calendar days
 * @param asOf - epoch seconds of the trace (end when not isolated)
 */
export function exposureWindowOf(c: CaseInput, profile: ProtocolProfile, utcOffsetMinutes: number, asOf: number): ExposureWindow {
  const rule = profile.exposureWindow;
  const symptomatic = c.onsetDate !== null;
  const anchor = dayNumberOf(c.onsetDate ?? c.samplingDate);
  let from = localMidnight(anchor - (symptomatic ? rule.daysBeforeOnset : rule.daysBeforeSampling), utcOffsetMinutes);
  let id = ruleId(profile, symptomatic ? 'window/onset' : 'window/sampling');
  if (rule.screeningWindow && c.lastNegativeSampleAt !== undefined && c.lastNegativeSampleAt !== null) {
    from = c.lastNegativeSampleAt;
    id = ruleId(profile, 'window/screening');
  }
  let to = c.isolatedAt ?? asOf;
  if (rule.maxDaysAfterAnchor !== null) to = Math.min(to, localMidnight(anchor + rule.maxDaysAfterAnchor + 1, utcOffsetMinutes) - 1);
  return { from, to, ruleId: id };
}
