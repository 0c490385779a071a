import { messageOf } from '../bytes.js';
import type { PayloadKind } from '../codec/prefix.js';
import type { CoseSign1 } from '../cose/cose-sign1.js';
import { parseCoseSign1 } from '../cose/cose-sign1.js';
import type { SignatureEngine } from '../cose/signature-engine.js';
import { webCryptoEngine } from '../cose/signature-engine.js';
import { kidToText } from '../keys/key-id.js';
import type { RevocationSet } from '../trust/revocation-list.js';
import { NO_REVOCATIONS } from '../trust/revocation-list.js';
import type { TrustStore } from '../trust/trust-store.js';
import { checkExpiry, checkKeyUsage, checkRevocation, checkSignature } from './check-steps.js';
import { decodeContent, decodeText } from './decode-steps.js';
import type { StepResult, VerificationReport, VerifiedContent } from './report.js';

/** What a verifier checks against. Nothing here calls the issuer. */
export interface VerifyOptions {
  /** Trusted keys (trust lists of the recognised jurisdictions, or DCC signer certificates). */
  readonly trust: TrustStore;
  /** Validation moment (default: now). */
  readonly at?: Date;
  readonly revocations?: RevocationSet;
  readonly engine?: SignatureEngine;
}

/**
 * Verifies a scanned pass (`EGP1:`), place code (`EGV1:`) or EU DCC (`HC1:`) offline. Decoding
 * stops at the first failed step; once decoded, the signature, (DCC) key usage, expiry and
 * revocation are all checked. Never throws: every problem is a failed step.
 */
export async function verifyText(text: string, options: VerifyOptions): Promise<VerificationReport> {
  const decoded = decodeText(text);
  if (!decoded.cose || !decoded.kind) return { at: options.at ?? new Date(), valid: false, steps: decoded.steps, ...(decoded.kind ? { kind: decoded.kind } : {}) };
  return checkDecoded(decoded.kind, decoded.cose, decoded.content, decoded.steps, options);
}

/**
 * Verifies COSE_Sign1 bytes directly (no prefix, base45 or zlib layer), as DCC test vectors give
 * them: the report starts at the `cose` step. Never throws.
 */
export async function verifyCose(kind: PayloadKind, coseBytes: Uint8Array, options: VerifyOptions): Promise<VerificationReport> {
  let cose: CoseSign1;
  try {
    cose = parseCoseSign1(coseBytes);
  } catch (error) {
    return { at: options.at ?? new Date(), valid: false, kind, steps: [{ step: 'cose', ok: false, detail: messageOf(error) }] };
  }
  const steps: StepResult[] = [{ step: 'cose', ok: true, detail: `COSE_Sign1, alg ${String(cose.alg)}, key id from the ${cose.kidSource} header` }];
  let content: VerifiedContent | undefined;
  try {
    content = decodeContent(kind, cose.payload);
    steps.push({ step: 'cbor', ok: true, detail: 'claims decoded' });
  } catch (error) {
    steps.push({ step: 'cbor', ok: false, detail: messageOf(error) });
  }
  return checkDecoded(kind, cose, content, steps, options);
}

async function checkDecoded(
  kind: PayloadKind,
  cose: CoseSign1,
  content: VerifiedContent | undefined,
  decodeSteps: readonly StepResult[],
  options: VerifyOptions,
): Promise<VerificationReport> {
  const at = options.at ?? new Date();
  const steps: StepResult[] = [...decodeSteps];
  const kid = cose.kid ? kidToText(cose.kid) : undefined;
  const { result, key } = await checkSignature(cose, content, options.trust, options.engine ?? webCryptoEngine);
  steps.push(result);
  const base = { at, kind, steps, ...(kid ? { kid } : {}) };
  if (!content) return { ...base, valid: false };
  if (content.kind === 'dcc' && key?.extendedKeyUsage) steps.push(checkKeyUsage(content, key));
  steps.push(checkExpiry(content, at));
  steps.push(checkRevocation(content, kid ?? '', key, options.revocations ?? NO_REVOCATIONS, at));
  return { ...base, valid: steps.every((s) => s.ok), ...(key?.jurisdiction ? { verifiedBy: key.jurisdiction } : {}), content };
}
