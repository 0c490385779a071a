import { KeyObject, constants, sign, verify } from 'node:crypto';
import type { SignatureEngine } from '../cose/signature-engine.js';

// Node-only fast path (entry `@epigrid/pass/node`): node:crypto's synchronous ECDSA avoids
// WebCrypto's per-call job dispatch, about three times the throughput on one core. Same keys
// (CryptoKey), same raw r||s signatures; the browser keeps the WebCrypto engine.

const keyObjects = new WeakMap<CryptoKey, KeyObject>();

function keyObject(key: CryptoKey): KeyObject {
  let object = keyObjects.get(key);
  if (!object) {
    object = KeyObject.from(key);
    keyObjects.set(key, object);
  }
  return object;
}

/** The node:crypto signature engine (ES256 and PS256), for servers and the CLI. */
export const nodeCryptoEngine: SignatureEngine = {
  async signEs256(privateKey, data) {
    return new Uint8Array(sign('sha256', data, { key: keyObject(privateKey), dsaEncoding: 'ieee-p1363' }));
  },
  async verify(alg, publicKey, signature, data) {
    if (alg === 'ES256') return verify('sha256', data, { key: keyObject(publicKey), dsaEncoding: 'ieee-p1363' }, signature);
    return verify('sha256', data, { key: keyObject(publicKey), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature);
  },
};
