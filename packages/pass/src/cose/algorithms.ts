/** COSE algorithm identifiers (RFC 9053) the verifier knows. */
export const COSE_ALG = { ES256: -7, PS256: -37 } as const;

/** A COSE algorithm the verifier knows. */
export type CoseAlgorithmName = keyof typeof COSE_ALG;

/** COSE header labels used here (RFC 9052 §3.1). */
export const COSE_HEADER = { alg: 1, kid: 4 } as const;

/** The name of a COSE algorithm id, or undefined when unsupported. */
export function algorithmName(alg: unknown): CoseAlgorithmName | undefined {
  if (alg === COSE_ALG.ES256) return 'ES256';
  if (alg === COSE_ALG.PS256) return 'PS256';
  return undefined;
}

/** WebCrypto parameters to verify a signature of the given COSE algorithm. */
export function webCryptoVerifyParams(alg: CoseAlgorithmName): EcdsaParams | RsaPssParams {
  return alg === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'RSA-PSS', saltLength: 32 };
}

/** WebCrypto parameters to import a public key for the given COSE algorithm. */
export function webCryptoImportParams(alg: CoseAlgorithmName): EcKeyImportParams | RsaHashedImportParams {
  return alg === 'ES256' ? { name: 'ECDSA', namedCurve: 'P-256' } : { name: 'RSA-PSS', hash: 'SHA-256' };
}
