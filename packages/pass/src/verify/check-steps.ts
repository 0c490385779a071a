import { messageOf } from '../bytes.js';
import { algorithmName } from '../cose/algorithms.js';
import type { CoseSign1 } from '../cose/cose-sign1.js';
import { sigStructure } from '../cose/cose-sign1.js';
import type { SignatureEngine } from '../cose/signature-engine.js';
import { dgcType, keyUsageAllows } from '../dcc/hcert.js';
import { kidToText } from '../keys/key-id.js';
import type { RevocationSet } from '../trust/revocation-list.js';
import type { TrustedKey, TrustStore } from '../trust/trust-store.js';
import type { StepResult, VerifiedContent } from './report.js';

/** Issue and expiry times of any content. */
function validity(content: VerifiedContent): { issuer?: string; issuedAt?: Date; expiresAt?: Date } {
  if (content.kind === 'dcc') return content.dcc;
  const claims = content.kind === 'pass' ? content.pass : content.place;
  return { issuer: claims.jurisdiction, issuedAt: claims.issuedAt, ...(claims.expiresAt ? { expiresAt: claims.expiresAt } : {}) };
}

/** Checks the COSE signature against the trusted key its key id names. */
export async function checkSignature(
  cose: CoseSign1,
  content: VerifiedContent | undefined,
  trust: TrustStore,
  engine: SignatureEngine,
): Promise<{ result: StepResult; key?: TrustedKey }> {
  const fail = (detail: string): { result: StepResult } => ({ result: { step: 'signature', ok: false, detail } });
  if (!cose.kid) return fail('no key id in the COSE headers');
  const kid = kidToText(cose.kid);
  const key = trust.find(kid);
  if (!key) return fail(`no trusted key with id ${kid}`);
  const alg = algorithmName(cose.alg);
  if (!alg) return fail(`unsupported algorithm ${String(cose.alg)}`);
  if (alg !== key.alg) return fail(`algorithm ${alg} does not match the trusted key's ${key.alg}`);
  let ok: boolean;
  try {
    ok = await engine.verify(alg, key.publicKey, cose.signature, sigStructure(cose.protectedBytes, cose.payload));
  } catch (error) {
    return fail(`signature could not be checked: ${messageOf(error)}`);
  }
  if (!ok) return fail(`signature does not match key ${kid}`);
  const claimed = content ? validity(content) : undefined;
  if (key.jurisdiction !== undefined && claimed?.issuer !== undefined && claimed.issuer !== key.jurisdiction) {
    return fail(`key ${kid} belongs to ${key.jurisdiction}, but the content claims issuer ${claimed.issuer}`);
  }
  const issuedAt = claimed?.issuedAt;
  if (issuedAt && key.notBefore && issuedAt < key.notBefore) return fail(`issued ${issuedAt.toISOString()}, before key ${kid} was valid (${key.notBefore.toISOString()})`);
  if (issuedAt && key.notAfter && issuedAt > key.notAfter) return fail(`issued ${issuedAt.toISOString()}, after key ${kid} stopped signing (${key.notAfter.toISOString()})`);
  return { result: { step: 'signature', ok: true, detail: `${alg} signature valid, key ${kid}${key.jurisdiction ? ` of ${key.jurisdiction}` : ''}` }, key };
}

/** DCC: checks that the signer certificate's key usage allows the DGC's type. */
export function checkKeyUsage(content: VerifiedContent, key: TrustedKey): StepResult {
  if (content.kind !== 'dcc') return { step: 'key-usage', ok: true, detail: 'not a DCC' };
  const type = dgcType(content.dcc.dgc);
  if (!type) return { step: 'key-usage', ok: false, detail: 'the DGC holds no single vaccination, test or recovery statement' };
  const usage = key.extendedKeyUsage ?? [];
  return keyUsageAllows(usage, type)
    ? { step: 'key-usage', ok: true, detail: `signer may sign ${type} certificates` }
    : { step: 'key-usage', ok: false, detail: `signer's key usage (${usage.join(', ')}) does not cover ${type} certificates` };
}

/** Checks issue and expiry times against the validation moment. */
export function checkExpiry(content: VerifiedContent, at: Date): StepResult {
  const { issuedAt, expiresAt } = validity(content);
  if (issuedAt && at < issuedAt) return { step: 'expiry', ok: false, detail: `not yet valid: issued ${issuedAt.toISOString()}, checked at ${at.toISOString()}` };
  if (!expiresAt) return content.kind === 'place' ? { step: 'expiry', ok: true, detail: 'no expiry' } : { step: 'expiry', ok: false, detail: 'no expiry date' };
  if (at > expiresAt) return { step: 'expiry', ok: false, detail: `expired ${expiresAt.toISOString()}` };
  return { step: 'expiry', ok: true, detail: `valid until ${expiresAt.toISOString()}` };
}

/** Checks key, pass and subject revocations at the validation moment. */
export function checkRevocation(content: VerifiedContent, kid: string, key: TrustedKey | undefined, revocations: RevocationSet, at: Date): StepResult {
  const revokedAt = [key?.revokedAt, revocations.keys.get(kid)].filter((d): d is Date => d !== undefined).sort((a, b) => a.getTime() - b.getTime())[0];
  if (revokedAt && at >= revokedAt) return { step: 'revocation', ok: false, detail: `key ${kid} revoked ${revokedAt.toISOString()}` };
  if (content.kind === 'pass') {
    if (revocations.passes.has(content.pass.passId)) return { step: 'revocation', ok: false, detail: `pass ${content.pass.passId} revoked` };
    if (revocations.subjects.has(content.pass.subject)) return { step: 'revocation', ok: false, detail: 'every pass of this subject is revoked' };
  }
  return { step: 'revocation', ok: true, detail: 'not revoked' };
}
