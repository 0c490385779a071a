import { asBufferSource } from '../bytes.js';
import type { CoseAlgorithmName } from './algorithms.js';
import { webCryptoVerifyParams } from './algorithms.js';

/**
 * How signatures are made and checked. The default is WebCrypto (Node and browsers); a host may
 * pass a faster engine behind the same interface. COSE signatures are raw (ECDSA r||s).
 */
export interface SignatureEngine {
  /** ES256 signature (raw r||s, 64 bytes) of the data. */
  signEs256(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array>;
  /** True when the signature of the data is valid for the public key. */
  verify(alg: CoseAlgorithmName, publicKey: CryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
}

/** The WebCrypto engine (`globalThis.crypto.subtle`). */
export const webCryptoEngine: SignatureEngine = {
  async signEs256(privateKey, data) {
    return new Uint8Array(await globalThis.crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, asBufferSource(data)));
  },
  async verify(alg, publicKey, signature, data) {
    return globalThis.crypto.subtle.verify(webCryptoVerifyParams(alg), publicKey, asBufferSource(signature), asBufferSource(data));
  },
};
