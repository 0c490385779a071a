import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, ExtendedKeyUsage, id_ce_extKeyUsage } from '@peculiar/asn1-x509';
import type { CoseAlgorithmName } from '../cose/algorithms.js';

const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const RSASSA_PSS = '1.2.840.113549.1.1.10';

/** What the verifier needs from a document signer certificate (X.509, DER). */
export interface SignerCertificate {
  readonly spki: Uint8Array;
  readonly alg: CoseAlgorithmName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Extended key usage OIDs (empty when the extension is absent). */
  readonly extendedKeyUsage: readonly string[];
}

/**
 * Reads a document signer certificate: its public key, the COSE algorithm it is for, its
 * validity and extended key usages.
 * @throws Error when the DER is not an X.509 certificate or its key is neither EC nor RSA (a
 *   non-P-256 EC key fails later, when WebCrypto imports it)
 */
export function readSignerCertificate(der: Uint8Array): SignerCertificate {
  let cert: Certificate;
  try {
    cert = AsnConvert.parse(der, Certificate);
  } catch (error) {
    throw new Error(`not an X.509 certificate: ${error instanceof Error ? error.message : String(error)}`);
  }
  const tbs = cert.tbsCertificate;
  const spkiInfo = tbs.subjectPublicKeyInfo;
  const keyOid = spkiInfo.algorithm.algorithm;
  let alg: CoseAlgorithmName;
  if (keyOid === EC_PUBLIC_KEY) {
    alg = 'ES256';
  } else if (keyOid === RSA_ENCRYPTION || keyOid === RSASSA_PSS) {
    alg = 'PS256';
  } else {
    throw new Error(`certificate key algorithm ${keyOid} is not supported`);
  }
  const eku = tbs.extensions?.find((e) => e.extnID === id_ce_extKeyUsage);
  return {
    spki: new Uint8Array(AsnConvert.serialize(spkiInfo)),
    alg,
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    extendedKeyUsage: eku ? [...AsnConvert.parse(eku.extnValue, ExtendedKeyUsage)] : [],
  };
}
