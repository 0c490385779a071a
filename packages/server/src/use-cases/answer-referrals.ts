import { randomUUID } from 'node:crypto';
import { systemActor, type FederationPayload } from '@epigrid/core';
import { enqueueMessage, findReferralsToAnswer, markReferralAnswered } from '@epigrid/store';
import { instanceKeyOf } from '../federation/instance-key.js';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** What a peer is told when nobody in this registry matches the person it referred. */
const NO_MATCH_NOTE = 'no one in the registry matches the referred person';

/**
 * Answers received referrals whose local task is closed (with the worker's outcome), or that matched
 * nobody (as `moved`): a signed outcome message is queued for the referring peer.
 * @param services - application services
 * @returns how many answers were queued
 */
export async function answerReferrals(services: Services): Promise<number> {
  const key = await instanceKeyOf(services);
  let answered = 0;
  for (const referral of await findReferralsToAnswer(services.db, 500)) {
    const now = services.now();
    const payload: FederationPayload = {
      v: 1,
      kind: 'referral_outcome',
      messageId: randomUUID(),
      from: services.config.federation.instanceId,
      to: referral.peerId,
      sentAt: now.toISOString(),
      body: {
        referralMessageId: referral.messageId,
        code: referral.code ?? 'moved',
        note: referral.taskId === null ? NO_MATCH_NOTE : referral.note,
        recordedAt: new Date(referral.recordedAt ?? now).toISOString(),
      },
    };
    const sealed = services.vault.encrypt(JSON.stringify(key.seal(payload)));
    await services.db.transaction(async (tx) => {
      await enqueueMessage(tx, { messageId: payload.messageId, peerId: referral.peerId, envelopeSealed: sealed }, now);
      await markReferralAnswered(tx, referral.messageId, now);
    });
    answered++;
    await recordAudit(services, {
      actor: systemActor,
      action: 'referral.answer',
      purpose: 'contact_tracing',
      subject: referral.taskId === null ? null : `task:${referral.taskId}`,
      outcome: 'allowed',
      details: { peer: referral.peerId, referral: referral.messageId, code: payload.body.code },
    });
  }
  return answered;
}
