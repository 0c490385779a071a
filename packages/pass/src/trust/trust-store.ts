import { asBufferSource, fromBase64 } from '../bytes.js';
import type { CoseAlgorithmName } from '../cose/algorithms.js';
import { webCryptoImportParams } from '../cose/algorithms.js';
import { readSignerCertificate } from '../dcc/signer-certificate.js';
import { keyIdOf, kidToText } from '../keys/key-id.js';
import type { TrustList, TrustListKey } from './trust-list.js';
import { mergeTrustLists } from './trust-list.js';

/** A public key the verifier trusts, ready to verify. */
export interface TrustedKey {
  readonly kid: string;
  /** Issuing jurisdiction (for DCC signer certificates: undefined, the certificate names none we check). */
  readonly jurisdiction: string | undefined;
  readonly alg: CoseAlgorithmName;
  readonly publicKey: CryptoKey;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly revokedAt?: Date;
  /** DCC: extended key usage OIDs of the signer certificate. */
  readonly extendedKeyUsage?: readonly string[];
}

/** The keys a verifier trusts, looked up by key id. Build it once and reuse it: keys are imported once. */
export class TrustStore {
  private readonly byKid: ReadonlyMap<string, TrustedKey>;

  private constructor(keys: readonly TrustedKey[]) {
    this.byKid = new Map(keys.map((k) => [k.kid, k]));
  }

  /**
   * A store of the keys of one or several jurisdictions' trust lists (mutual recognition).
   * @throws Error when a key cannot be imported or two lists conflict
   */
  static async fromTrustLists(lists: readonly TrustList[]): Promise<TrustStore> {
    return new TrustStore(await Promise.all(mergeTrustLists(lists).map(importListedKey)));
  }

  /**
   * A store of DCC document signer certificates (base64 or DER); each key id is the first 8 bytes
   * of the SHA-256 of the certificate, as DCC defines it.
   * @throws Error when a certificate cannot be read or its key imported
   */
  static async fromCertificates(certificates: ReadonlyArray<string | Uint8Array>): Promise<TrustStore> {
    return new TrustStore(await Promise.all(certificates.map(importCertificate)));
  }

  /** A store that trusts nobody. */
  static empty(): TrustStore {
    return new TrustStore([]);
  }

  /** The key with this id (base64), if trusted. */
  find(kid: string): TrustedKey | undefined {
    return this.byKid.get(kid);
  }

  /** All trusted keys. */
  keys(): TrustedKey[] {
    return [...this.byKid.values()];
  }
}

async function importListedKey(entry: TrustListKey): Promise<TrustedKey> {
  let publicKey: CryptoKey;
  try {
    publicKey = await globalThis.crypto.subtle.importKey('jwk', { ...entry.publicJwk, ext: true }, webCryptoImportParams('ES256'), true, ['verify']);
  } catch (error) {
    throw new Error(`trust list key ${entry.kid}: cannot import its public key (${error instanceof Error ? error.message : String(error)})`);
  }
  const actual = kidToText(await keyIdOf(new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', publicKey))));
  if (actual !== entry.kid) throw new Error(`trust list key ${entry.kid}: the key id does not match its public key (${actual})`);
  const { publicJwk: _jwk, ...rest } = entry;
  return { ...rest, alg: 'ES256', publicKey };
}

async function importCertificate(certificate: string | Uint8Array): Promise<TrustedKey> {
  const der = typeof certificate === 'string' ? fromBase64(certificate.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '')) : certificate;
  const cert = readSignerCertificate(der);
  const publicKey = await globalThis.crypto.subtle.importKey('spki', asBufferSource(cert.spki), webCryptoImportParams(cert.alg), true, ['verify']);
  return {
    kid: kidToText(await keyIdOf(der)),
    jurisdiction: undefined,
    alg: cert.alg,
    publicKey,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    extendedKeyUsage: cert.extendedKeyUsage,
  };
}
