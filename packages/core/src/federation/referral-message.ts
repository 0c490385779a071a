import canonicalize from 'canonicalize';
import { z } from 'zod';

/** Version of the federation message format; a receiver refuses versions it does not know. */
export const FEDERATION_MESSAGE_VERSION = 1;

const instanceId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'an instance id is lowercase letters, digits and hyphens');
const isoTime = z.iso.datetime({ offset: true });

/** The person claims a receiver needs to find and act on someone: a name and at least one identifier. */
export const referralPersonSchema = z
  .object({
    name: z.string().min(1).max(64),
    residentId: z.string().min(4).max(32).optional(),
    phone: z.string().min(4).max(32).optional(),
    address: z.string().max(200).optional(),
  })
  .refine((p) => p.residentId !== undefined || p.phone !== undefined, { message: 'a resident ID or a phone is required', path: ['residentId'] });

/** What the sender knows of the exposure that makes the task necessary. */
export const referralExposureSchema = z.object({
  /** Kind of link: close_contact, sub_close_contact, companion, pooled_positive, … */
  kind: z.string().min(1).max(40),
  lastExposureAt: isoTime.nullable(),
  /** The sender's case reference, opaque to the receiver. */
  caseReference: z.string().max(80).nullable(),
  note: z.string().max(500).nullable(),
});

/** A referral: the sender asks the receiver to carry out a task for a person living in its jurisdiction. */
export const referralBodySchema = z.object({
  taskType: z.string().min(1).max(60),
  priority: z.number().int().min(0).max(9),
  deadline: isoTime,
  /** Region code of the person's residence as the sender knows it. */
  homeRegionCode: z.string().min(1).max(40),
  person: referralPersonSchema,
  exposure: referralExposureSchema,
});

/** The receiver's answer once its own task is closed: the outcome a worker recorded. */
export const referralOutcomeBodySchema = z.object({
  /** Message id of the referral this answers. */
  referralMessageId: z.uuid(),
  code: z.string().min(1).max(40),
  note: z.string().max(2000).nullable(),
  recordedAt: isoTime,
});

const header = {
  v: z.literal(FEDERATION_MESSAGE_VERSION),
  messageId: z.uuid(),
  from: instanceId,
  to: instanceId,
  sentAt: isoTime,
};

/** A signed federation payload, discriminated by `kind`. */
export const federationPayloadSchema = z.discriminatedUnion('kind', [
  z.object({ ...header, kind: z.literal('referral'), body: referralBodySchema }),
  z.object({ ...header, kind: z.literal('referral_outcome'), body: referralOutcomeBodySchema }),
]);

/** What travels between instances: the payload and an ES256 signature over its canonical JSON. */
export const federationEnvelopeSchema = z.object({
  payload: federationPayloadSchema,
  /** RFC 7638 thumbprint of the signing key, so a peer can rotate keys. */
  keyId: z.string().min(1).max(100),
  /** base64url of the raw (IEEE P1363, r‖s) ES256 signature. */
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'an ES256 signature is 64 bytes of base64url'),
});

/** A referral's content. */
export type ReferralBody = z.infer<typeof referralBodySchema>;
/** A referral outcome's content. */
export type ReferralOutcomeBody = z.infer<typeof referralOutcomeBodySchema>;
/** Any signed federation payload. */
export type FederationPayload = z.infer<typeof federationPayloadSchema>;
/** A payload with its signature. */
export type FederationEnvelope = z.infer<typeof federationEnvelopeSchema>;

/**
 * The exact text a signature covers: the payload's canonical JSON (RFC 8785), so both ends sign
 * and verify the same bytes whatever the key order or whitespace on the wire.
 * @param payload - the payload to sign or verify
 */
export function canonicalPayloadText(payload: FederationPayload): string {
  const text = canonicalize(payload);
  if (text === undefined) throw new Error('payload cannot be canonicalised');
  return text;
}
