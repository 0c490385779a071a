import type { ReviewPair } from '@epigrid/store';
import { z } from 'zod';

const reviewedPersonSchema = z.object({
  id: z.number(),
  name: z.string(),
  sex: z.enum(['male', 'female']).nullable(),
  birthDate: z.string().nullable(),
  residentIdMasked: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  provisional: z.boolean(),
});

/** An identity review as returned over HTTP: both persons side by side, identifiers masked. */
export const identityReviewSchema = z.object({
  id: z.number(),
  score: z.number(),
  source: z.string(),
  createdAt: z.string(),
  person: reviewedPersonSchema,
  candidate: reviewedPersonSchema,
});

/** A page of open reviews. */
export const identityReviewListSchema = z.object({ reviews: z.array(identityReviewSchema) });

/**
 * Whitelists a review's fields (region paths stay inside).
 * @param review - the stored review with both persons
 */
export function presentIdentityReview(review: ReviewPair): z.infer<typeof identityReviewSchema> {
  const person = (p: ReviewPair['person']): z.infer<typeof reviewedPersonSchema> => ({
    id: p.id,
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate,
    residentIdMasked: p.residentIdMasked,
    phoneMasked: p.phoneMasked,
    provisional: p.provisional,
  });
  return { id: review.id, score: review.score, source: review.source, createdAt: review.createdAt, person: person(review.person), candidate: person(review.candidate) };
}
