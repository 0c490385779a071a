import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { canonicalPayloadText, type FederationEnvelope, type FederationPayload } from '@epigrid/core';

/** A peer's public key as published: an EC P-256 JWK. */
export interface PublicJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
}

/** This instance's signing key: its public half as a JWK, its thumbprint, and a signer. */
export interface InstanceKey {
  readonly keyId: string;
  readonly publicJwk: PublicJwk;
  /** The private key as PKCS#8 PEM, for sealed storage. */
  readonly privatePem: string;
  /**
   * Signs a payload's canonical JSON with ES256.
   * @param payload - the payload
   */
  seal(payload: FederationPayload): FederationEnvelope;
}

/**
 * RFC 7638 thumbprint of an EC JWK: SHA-256 over its required members in lexicographic order.
 * @param jwk - public key
 */
export function jwkThumbprint(jwk: PublicJwk): string {
  const members = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(members).digest('base64url');
}

function publicJwkOf(key: KeyObject): PublicJwk {
  const jwk: JsonWebKey = createPublicKey(key).export({ format: 'jwk' });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
    throw new Error('the instance key must be an EC P-256 key');
  }
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

/**
 * Wraps a PKCS#8 PEM private key as the instance key.
 * @param privatePem - EC P-256 private key, PKCS#8 PEM
 */
export function instanceKeyFromPem(privatePem: string): InstanceKey {
  const privateKey = createPrivateKey(privatePem);
  const publicJwk = publicJwkOf(privateKey);
  const keyId = jwkThumbprint(publicJwk);
  return {
    keyId,
    publicJwk,
    privatePem,
    seal(payload: FederationPayload): FederationEnvelope {
      const signature = sign('sha256', Buffer.from(canonicalPayloadText(payload)), { key: privateKey, dsaEncoding: 'ieee-p1363' });
      return { payload, keyId, signature: signature.toString('base64url') };
    },
  };
}

/** Generates a fresh ES256 (P-256) instance key. */
export function generateInstanceKey(): InstanceKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return instanceKeyFromPem(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
}

/**
 * Checks an envelope's ES256 signature against a peer's public key; any tampering with the payload,
 * the signature or a key mismatch returns false.
 * @param envelope - received envelope
 * @param peerKey - the sending peer's public key
 */
export function verifyEnvelope(envelope: FederationEnvelope, peerKey: PublicJwk): boolean {
  if (envelope.keyId !== jwkThumbprint(peerKey)) return false;
  const key = createPublicKey({ key: { ...peerKey }, format: 'jwk' });
  const signature = Buffer.from(envelope.signature, 'base64url');
  return verify('sha256', Buffer.from(canonicalPayloadText(envelope.payload)), { key, dsaEncoding: 'ieee-p1363' }, signature);
}
