import { DomainError, type Actor } from '@epigrid/core';
import { decideReview, getReviewPair, type DecisionResult, type ReviewDecision } from '@epigrid/store';
import type { Services } from '../services.js';
import { mergeActorOf, requireIdentityDecision } from './identity-review-access.js';

/**
 * Decides an identity review: `link` merges the provisional person into the registered candidate
 * (reversible), `new` keeps them apart. Needs `person.write` over the candidate's region; audited.
 * @param services - application services
 * @param actor - the reviewer
 * @param reviewId - the review
 * @param decision - link or new
 */
export async function decideIdentityReview(services: Services, actor: Actor, reviewId: number, decision: ReviewDecision): Promise<DecisionResult> {
  const review = await getReviewPair(services.db, reviewId);
  if (review === null) throw new DomainError('not_found', { reviewId });
  await requireIdentityDecision(services, actor, `identity.review.${decision}`, `person:${review.candidate.id}`, review.candidate.regionPath);
  return decideReview(services.db, reviewId, decision, mergeActorOf(actor), services.auditHasher);
}
