import type { PayloadKind } from '../codec/prefix.js';
import type { PassClaims } from '../cwt/pass-claims.js';
import type { PlaceClaims } from '../cwt/place-claims.js';
import type { HealthCertificate } from '../dcc/hcert.js';

/** The verification steps, in the order they run. `key-usage` runs for DCCs only. */
export const STEP_NAMES = ['prefix', 'base45', 'zlib', 'cose', 'cbor', 'signature', 'key-usage', 'expiry', 'revocation'] as const;
/** A verification step. */
export type StepName = (typeof STEP_NAMES)[number];

/** The result of one step, with a plain-words detail of what was found. */
export interface StepResult {
  readonly step: StepName;
  readonly ok: boolean;
  readonly detail: string;
}

/** What a verified text says, by kind. */
export type VerifiedContent =
  | { readonly kind: 'pass'; readonly pass: PassClaims }
  | { readonly kind: 'place'; readonly place: PlaceClaims }
  | { readonly kind: 'dcc'; readonly dcc: HealthCertificate };

/** The outcome of verifying a scanned text: each step that ran and, when decodable, the content. */
export interface VerificationReport {
  /** True only when every step ran and succeeded. */
  readonly valid: boolean;
  readonly kind?: PayloadKind;
  /** Key id (base64) the signature names. */
  readonly kid?: string;
  /** The jurisdiction of the trusted key that verified the signature. */
  readonly verifiedBy?: string;
  readonly steps: readonly StepResult[];
  readonly content?: VerifiedContent;
  /** When the text was checked. */
  readonly at: Date;
}
