/** Identity reviews as the API returns them (`GET /api/identity-reviews`). */

/** One side of a review: identifiers masked to their last four characters. */
export interface ReviewedPerson {
  readonly id: number;
  readonly name: string;
  readonly sex: 'male' | 'female' | null;
  readonly birthDate: string | null;
  readonly residentIdMasked: string | null;
  readonly phoneMasked: string | null;
  readonly provisional: boolean;
}

/** An open review: the person records were linked to, and the registered person they probably are. */
export interface IdentityReview {
  readonly id: number;
  readonly score: number;
  readonly source: string;
  readonly createdAt: string;
  readonly person: ReviewedPerson;
  readonly candidate: ReviewedPerson;
}

/** A reviewer's decision. */
export type ReviewDecision = 'link' | 'new';
