import type { Actor } from '@epigrid/core';
import { listReviewPairs, type ReviewPair } from '@epigrid/store';
import type { Services } from '../services.js';
import { requireIdentityDecision } from './identity-review-access.js';
import { recordAudit } from './record-audit.js';

/**
 * Lists the open identity reviews whose registered candidate is in the actor's jurisdiction,
 * identifiers masked. Needs `person.write`; audited.
 * @param services - application services
 * @param actor - the acting user
 * @param page - how many, after which review id
 */
export async function listIdentityReviews(services: Services, actor: Actor, page: { limit: number; afterId: number }): Promise<ReviewPair[]> {
  await requireIdentityDecision(services, actor, 'identity.review.list', 'identity-reviews');
  const reviews = await listReviewPairs(services.db, actor.regionPath, page.limit, page.afterId);
  await recordAudit(services, { actor, action: 'identity.review.list', purpose: 'system', subject: 'identity-reviews', outcome: 'allowed', details: { count: reviews.length } });
  return reviews;
}
