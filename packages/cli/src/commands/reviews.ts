import { DomainError } from '@epigrid/core';
import { createAuditHasher, decideReview, listReviewPairs, mergePersons, undoMerge, type MergeActor, type ReviewedPerson } from '@epigrid/store';
import { openConfigured, type Opened } from '../open-configured.js';

const CLI: MergeActor = { actorId: null, actorName: 'cli', actorRole: 'system' };

function idOf(text: string, what: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0) throw new DomainError('validation_failed', { field: what, reason: 'a positive whole number' });
  return id;
}

async function withDatabase(work: (opened: Opened) => Promise<void>): Promise<void> {
  const opened = await openConfigured(process.env);
  try {
    await work(opened);
  } finally {
    await opened.db.close();
  }
}

const describePerson = (p: ReviewedPerson): string =>
  `#${p.id} ${p.name} ${p.sex ?? '?'} ${p.birthDate ?? '?'} id ${p.residentIdMasked ?? '-'} phone ${p.phoneMasked ?? '-'}${p.provisional ? ' (provisional)' : ''}`;

/**
 * `epigrid reviews list`: open identity reviews, both persons side by side, identifiers masked.
 * @param options - how many
 */
export async function reviewsList(options: { limit?: string }): Promise<void> {
  await withDatabase(async ({ db }) => {
    const reviews = await listReviewPairs(db, '', Number(options.limit ?? 100));
    for (const r of reviews) console.log(`review ${r.id} score ${r.score.toFixed(2)} (${r.source})\n  records: ${describePerson(r.person)}\n  probably: ${describePerson(r.candidate)}`);
    console.log(`${reviews.length} open review(s)`);
  });
}

/**
 * `epigrid reviews link|new ID`: decides a review (link merges into the candidate). Audited.
 * @param decision - link or new
 * @param id - review id
 */
export async function reviewsDecide(decision: 'link' | 'new', id: string): Promise<void> {
  await withDatabase(async ({ db, secret }) => {
    const result = await decideReview(db, idOf(id, 'review'), decision, CLI, createAuditHasher(secret));
    console.log(result.merge === null ? `review ${id}: kept apart` : `review ${id}: merged (merge ${result.merge.mergeId}, moved ${JSON.stringify(result.merge.moved)})`);
  });
}

/**
 * `epigrid reviews merge FROM INTO`: merges one person into another (reversible). Audited.
 * @param from - person merged away
 * @param into - survivor
 */
export async function reviewsMerge(from: string, into: string): Promise<void> {
  await withDatabase(async ({ db, secret }) => {
    const merge = await mergePersons(db, idOf(from, 'from'), idOf(into, 'into'), CLI, createAuditHasher(secret));
    console.log(`merge ${merge.mergeId}: moved ${JSON.stringify(merge.moved)}`);
  });
}

/**
 * `epigrid reviews undo MERGE`: undoes a merge exactly. Audited.
 * @param mergeId - the merge
 */
export async function reviewsUndo(mergeId: string): Promise<void> {
  await withDatabase(async ({ db, secret }) => {
    await undoMerge(db, idOf(mergeId, 'merge'), CLI, createAuditHasher(secret));
    console.log(`merge ${mergeId} undone`);
  });
}
