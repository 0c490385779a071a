import { encodeBase45 } from './codec/base45.js';
import { PASS_PREFIX, PLACE_PREFIX } from './codec/prefix.js';
import { compressZlib } from './codec/zlib.js';
import { encodeCoseSign1, sigStructure } from './cose/cose-sign1.js';
import type { SignatureEngine } from './cose/signature-engine.js';
import { webCryptoEngine } from './cose/signature-engine.js';
import { encodePassClaims } from './cwt/pass-claims.js';
import type { PassClaims } from './cwt/pass-claims.js';
import { encodePlaceClaims } from './cwt/place-claims.js';
import type { PlaceClaims } from './cwt/place-claims.js';
import type { SigningKey } from './keys/signing-key.js';

/** Pass claims as the issuer gives them; the id is generated and the jurisdiction is the key's when omitted. */
export type PassToSign = Omit<PassClaims, 'passId' | 'jurisdiction'> & { readonly passId?: string; readonly jurisdiction?: string };

/** Place-code claims as the issuer gives them; the jurisdiction is the key's when omitted. */
export type PlaceToSign = Omit<PlaceClaims, 'jurisdiction'> & { readonly jurisdiction?: string };

/**
 * Signs a health pass: CWT claims in a COSE_Sign1 (ES256), zlib, base45, prefix `EGP1:`.
 * @param claims - what the pass says
 * @param key - the issuing jurisdiction's signing key
 * @param engine - signature engine (WebCrypto unless the host passes a faster one)
 * @throws Error when the claims name another jurisdiction than the key's, or expire before issue
 */
export async function signPass(claims: PassToSign, key: SigningKey, engine: SignatureEngine = webCryptoEngine): Promise<string> {
  if (claims.expiresAt.getTime() <= claims.issuedAt.getTime()) throw new Error('a pass must expire after it is issued');
  const full: PassClaims = { ...claims, passId: claims.passId ?? randomPassId(), jurisdiction: checkedJurisdiction(claims.jurisdiction, key) };
  // Stored zlib: a pass's COSE is mostly signature, key id and pass id, which deflate cannot shrink
  // (measured: the same size at level 9), and deflating costs more than the signature itself.
  return PASS_PREFIX + (await sealPayload(encodePassClaims(full), key, engine, 0));
}

/**
 * Signs a venue's place code (to print as a QR code at its door): prefix `EGV1:`.
 * @param claims - the venue
 * @param key - the issuing jurisdiction's signing key
 * @param engine - signature engine
 */
export async function signPlaceCode(claims: PlaceToSign, key: SigningKey, engine: SignatureEngine = webCryptoEngine): Promise<string> {
  return PLACE_PREFIX + (await sealPayload(encodePlaceClaims({ ...claims, jurisdiction: checkedJurisdiction(claims.jurisdiction, key) }), key, engine));
}

/**
 * Signs a CWT payload and returns it zlib-compressed and base45-encoded (without prefix).
 * @param level - zlib level: 9 (best) or 0 (stored)
 */
export async function sealPayload(payload: Uint8Array, key: SigningKey, engine: SignatureEngine = webCryptoEngine, level: 0 | 9 = 9): Promise<string> {
  const signature = await engine.signEs256(key.privateKey, sigStructure(key.protectedHeader, payload));
  return encodeBase45(compressZlib(encodeCoseSign1(key.protectedHeader, payload, signature), level));
}

function checkedJurisdiction(asked: string | undefined, key: SigningKey): string {
  if (asked !== undefined && asked !== key.jurisdiction) throw new Error(`key ${key.kidText} belongs to ${key.jurisdiction}, not ${asked}`);
  return key.jurisdiction;
}

function randomPassId(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}
