import { decodeCbor, encodeCbor } from '../cbor.js';
import { CWT, EPIGRID_CLAIM, PASS_FIELD } from './claim-keys.js';
import { claimDate, claimText, epochSeconds, readClaimsMap } from './claim-reading.js';

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** Health-code colours a pass can show. */
export const PASS_COLOURS = ['green', 'yellow', 'red'] as const;
/** A health-code colour. */
export type PassColour = (typeof PASS_COLOURS)[number];

/** What an EpiGrid pass asserts. */
export interface PassClaims {
  /** Unique id of this pass (CWT `cti`), used by revocation lists. */
  readonly passId: string;
  /** Pseudonymous subject (never a name or an identity number). */
  readonly subject: string;
  readonly colour: PassColour;
  /** Rule id or manual-override reason code behind the colour. */
  readonly reasonCode: string;
  /** Region code of the issuing jurisdiction (CWT `iss`). */
  readonly jurisdiction: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

/** Encodes pass claims as a CWT claims set. */
export function encodePassClaims(claims: PassClaims): Uint8Array {
  return encodeCbor(
    new Map<number, unknown>([
      [CWT.iss, claims.jurisdiction],
      [CWT.sub, claims.subject],
      [CWT.exp, epochSeconds(claims.expiresAt)],
      [CWT.iat, epochSeconds(claims.issuedAt)],
      [CWT.cti, utf8Encoder.encode(claims.passId)],
      [EPIGRID_CLAIM, new Map<number, unknown>([[PASS_FIELD.colour, claims.colour], [PASS_FIELD.reasonCode, claims.reasonCode]])],
    ]),
  );
}

/**
 * Decodes a CWT claims set into pass claims.
 * @throws Error naming the missing or malformed claim
 */
export function decodePassClaims(payload: Uint8Array): PassClaims {
  const { claims, own } = readClaimsMap(decodeCbor(payload));
  const cti = claims.get(CWT.cti);
  if (!(cti instanceof Uint8Array)) throw new Error('claim cti (pass id) is missing');
  const colour = own.get(PASS_FIELD.colour);
  if (!PASS_COLOURS.includes(colour as PassColour)) throw new Error(`claim colour ${JSON.stringify(colour)} is not one of ${PASS_COLOURS.join(', ')}`);
  return {
    passId: utf8Decoder.decode(cti),
    subject: claimText(claims, CWT.sub, 'sub (subject)'),
    colour: colour as PassColour,
    reasonCode: claimText(own, PASS_FIELD.reasonCode, 'reason code'),
    jurisdiction: claimText(claims, CWT.iss, 'iss (jurisdiction)'),
    issuedAt: claimDate(claims, CWT.iat, 'iat (issued at)'),
    expiresAt: claimDate(claims, CWT.exp, 'exp (expiry)'),
  };
}
