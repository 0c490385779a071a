import type { Candidate } from '@epigrid/store';

/** Score thresholds of the probabilistic match. */
export interface MatchThresholds {
  /** At or above: link automatically (default 0.9: name, birth date and phone tail agree). */
  readonly autoLink: number;
  /** At or above (and below autoLink): link to a provisional person and queue a review. */
  readonly review: number;
}

/** Defaults: same name + birth date alone (0.85) is reviewed, since namesakes born the same day exist. */
export const defaultThresholds: MatchThresholds = { autoLink: 0.9, review: 0.6 };

/** What to do with a claim after the scored match. */
export type MatchDecision =
  | { readonly kind: 'link'; readonly personId: number }
  | { readonly kind: 'review'; readonly candidateId: number; readonly score: number }
  | { readonly kind: 'new' };

/**
 * Decides from scored candidates. A claim carrying a resident ID that the registry does not know is
 * never linked by score to someone else (a different ID means a different person or a typo to review).
 * A provisional person with the same name and birth date is the same unknown person seen again.
 * @param candidates - best first
 * @param hasResidentId - whether the claim carries a resident ID
 * @param thresholds - score thresholds
 */
export function decideMatch(candidates: readonly Candidate[], hasResidentId: boolean, thresholds: MatchThresholds = defaultThresholds): MatchDecision {
  const [best, second] = candidates;
  if (best === undefined || best.score < thresholds.review) return { kind: 'new' };
  const unique = second === undefined || second.score < best.score;
  if (!hasResidentId && unique && best.score >= thresholds.autoLink) return { kind: 'link', personId: best.id };
  if (!hasResidentId && unique && best.provisional && best.score >= 0.85) return { kind: 'link', personId: best.id };
  return { kind: 'review', candidateId: best.id, score: best.score };
}
