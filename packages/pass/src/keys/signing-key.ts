import { encodeProtectedHeader } from '../cose/cose-sign1.js';
import { COSE_ALG } from '../cose/algorithms.js';
import { keyIdOf, kidToText } from './key-id.js';

const ecdsa: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };

/** A jurisdiction's ES256 issuing key, ready to sign. */
export interface SigningKey {
  /** Region code of the jurisdiction that issues with this key (the CWT `iss`). */
  readonly jurisdiction: string;
  readonly kid: Uint8Array;
  /** The key id in base64, as trust lists write it. */
  readonly kidText: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JsonWebKey;
  /** The COSE protected header { alg: ES256, kid } every signature of this key carries. */
  readonly protectedHeader: Uint8Array;
}

/** A signing key as stored (JWK; the private part must be kept secret). */
export interface StoredSigningKey {
  readonly jurisdiction: string;
  readonly kid: string;
  readonly privateJwk: JsonWebKey;
  readonly publicJwk: JsonWebKey;
}

/**
 * Generates a fresh ES256 (ECDSA P-256) key for a jurisdiction; the key id is the first 8 bytes
 * of the SHA-256 of its SPKI.
 * @param jurisdiction - region code of the issuing jurisdiction
 */
export async function generateSigningKey(jurisdiction: string): Promise<SigningKey> {
  if (jurisdiction.trim() === '') throw new Error('a signing key needs a jurisdiction');
  const pair = (await globalThis.crypto.subtle.generateKey(ecdsa, true, ['sign', 'verify'])) as CryptoKeyPair;
  return fromPair(jurisdiction, pair.privateKey, pair.publicKey);
}

/** Exports a signing key as JWKs for storage. */
export async function exportSigningKey(key: SigningKey): Promise<StoredSigningKey> {
  const privateJwk = await globalThis.crypto.subtle.exportKey('jwk', key.privateKey);
  return { jurisdiction: key.jurisdiction, kid: key.kidText, privateJwk, publicJwk: key.publicJwk };
}

/**
 * Imports a stored signing key, checking that its key id matches its public key.
 * @throws Error when the JWK is not an ES256 private key or the key id does not match
 */
export async function importSigningKey(stored: StoredSigningKey): Promise<SigningKey> {
  const subtle = globalThis.crypto.subtle;
  const privateKey = await subtle.importKey('jwk', stored.privateJwk, ecdsa, true, ['sign']);
  const { d: _d, key_ops: _ops, ...publicPart } = stored.privateJwk;
  const publicKey = await subtle.importKey('jwk', { ...publicPart, key_ops: ['verify'] }, ecdsa, true, ['verify']);
  const key = await fromPair(stored.jurisdiction, privateKey, publicKey);
  if (key.kidText !== stored.kid) throw new Error(`stored key id ${stored.kid} does not match its public key (${key.kidText})`);
  return key;
}

async function fromPair(jurisdiction: string, privateKey: CryptoKey, publicKey: CryptoKey): Promise<SigningKey> {
  const subtle = globalThis.crypto.subtle;
  const kid = await keyIdOf(new Uint8Array(await subtle.exportKey('spki', publicKey)));
  const { key_ops: _ops, ext: _ext, ...publicJwk } = await subtle.exportKey('jwk', publicKey);
  return { jurisdiction, kid, kidText: kidToText(kid), privateKey, publicJwk, protectedHeader: encodeProtectedHeader(COSE_ALG.ES256, kid) };
}
