import {
  DomainError,
  isOutcomeCode,
  normalisePhone,
  taskTypeById,
  type FederationEnvelope,
  type FederationPayload,
  type ReferralBody,
  type ReferralOutcomeBody,
} from '@epigrid/core';
import {
  findRegisteredPerson,
  findSentReferral,
  getPeer,
  insertTasks,
  linkIncomingReferral,
  recordReferralAnswer,
  saveIncomingReferral,
} from '@epigrid/store';
import { verifyEnvelope, type PublicJwk } from '../federation/message-signature.js';
import type { Services } from '../services.js';
import { routeAndPushTasks } from './generate-tasks.js';
import { recordAudit } from './record-audit.js';

/** What became of a received message. */
export type ReceiveResult =
  /** Stored and acted on. */
  | 'accepted'
  /** Seen before (same message id): nothing added. */
  | 'duplicate'
  /** A referral naming nobody in this registry: stored, and answered as such. */
  | 'unmatched';

type Payload<K extends FederationPayload['kind']> = Extract<FederationPayload, { kind: K }>;

async function acceptReferral(services: Services, payload: Payload<'referral'>): Promise<ReceiveResult> {
  const body: ReferralBody = payload.body;
  const type = taskTypeById(body.taskType);
  if (type === undefined) throw new DomainError('validation_failed', { field: 'payload.body.taskType', reason: `unknown task type ${body.taskType}` });
  const phone = body.person.phone === undefined ? null : normalisePhone(body.person.phone);
  const keys = {
    idHash: body.person.residentId === undefined ? null : services.vault.hash(body.person.residentId.toUpperCase()),
    phoneHash: phone?.ok === true ? services.vault.hash(phone.value) : null,
  };
  const now = services.now();
  const result = await services.db.transaction(async (tx): Promise<ReceiveResult> => {
    const fresh = await saveIncomingReferral(
      tx,
      { messageId: payload.messageId, peerId: payload.from, payloadSealed: services.vault.encrypt(JSON.stringify(payload)) },
      now,
    );
    if (!fresh) return 'duplicate';
    const personId = await findRegisteredPerson(tx, keys);
    if (personId === null) return 'unmatched';
    const [taskId] = await insertTasks(
      tx,
      [
        {
          type: type.id,
          ruleId: type.ruleId,
          personId,
          subjectKey: `referral:${payload.messageId}`,
          priority: body.priority,
          deadline: new Date(body.deadline),
          clockStart: now,
          source: { referral: { messageId: payload.messageId, from: payload.from, exposure: body.exposure, homeRegionCode: body.homeRegionCode } },
        },
      ],
      now,
    );
    if (taskId !== undefined) await linkIncomingReferral(tx, payload.messageId, taskId);
    return 'accepted';
  });
  if (result === 'accepted') await routeAndPushTasks(services);
  return result;
}

async function acceptOutcome(services: Services, payload: Payload<'referral_outcome'>): Promise<ReceiveResult> {
  const body: ReferralOutcomeBody = payload.body;
  const sent = await findSentReferral(services.db, body.referralMessageId, payload.from);
  if (sent === null) throw new DomainError('not_found', { field: 'payload.body.referralMessageId', reason: 'no referral of ours to this peer has that id' });
  const effect = isOutcomeCode(body.code) ? taskTypeById(sent.taskType)?.outcomes[body.code] : undefined;
  const recorded = await recordReferralAnswer(services.db, {
    referralMessageId: body.referralMessageId,
    peerId: payload.from,
    outcomeMessageId: payload.messageId,
    code: effect === undefined ? 'moved' : body.code,
    note: effect === undefined ? `${body.code}: ${body.note ?? ''}`.trim() : body.note,
    recordedAt: new Date(body.recordedAt),
    receivedAt: services.now(),
    state: effect?.state ?? null,
  });
  return recorded === 'recorded' ? 'accepted' : 'duplicate';
}

/**
 * Receives a signed message from a peer: the sender must be a configured peer, the signature must
 * verify against its key and the message must be addressed to this instance. A referral becomes a
 * local task for the matching person (routed and pushed like any other); an outcome closes the task
 * we referred. Replays (same message id) change nothing.
 * @param services - application services
 * @param envelope - the signed message, already shape-checked
 * @throws DomainError federation_refused (unknown peer, bad signature, wrong addressee)
 */
export async function receiveFederationMessage(services: Services, envelope: FederationEnvelope): Promise<ReceiveResult> {
  const { payload } = envelope;
  const audit = { actor: null, actorName: `peer:${payload.from}`, purpose: 'contact_tracing', subject: `message:${payload.messageId}` } as const;
  const peer = await getPeer(services.db, payload.from);
  const reason =
    peer === null
      ? 'unknown peer'
      : payload.to !== services.config.federation.instanceId
        ? `addressed to ${payload.to}, not this instance`
        : !verifyEnvelope(envelope, peer.publicJwk as unknown as PublicJwk)
          ? 'signature does not verify'
          : null;
  if (reason !== null) {
    await recordAudit(services, { ...audit, action: `${payload.kind}.receive`, outcome: 'refused', details: { reason } });
    throw new DomainError('federation_refused', { from: payload.from, reason });
  }
  const result = payload.kind === 'referral' ? await acceptReferral(services, payload) : await acceptOutcome(services, payload);
  await recordAudit(services, { ...audit, action: `${payload.kind}.receive`, outcome: 'allowed', details: { result } });
  return result;
}
