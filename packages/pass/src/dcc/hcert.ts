import { cborToJson, decodeCbor } from '../cbor.js';
import { CWT, HCERT_CLAIM, HCERT_DGC_V1 } from '../cwt/claim-keys.js';
import { optionalClaimDate } from '../cwt/claim-reading.js';

/** The claims of an EU Digital COVID Certificate. */
export interface HealthCertificate {
  /** Issuing country (CWT `iss`), when present. */
  readonly issuer?: string;
  readonly issuedAt?: Date;
  readonly expiresAt?: Date;
  /** The EU DGC payload as JSON (ver, nam, dob, and one of v, t, r). */
  readonly dgc: Record<string, unknown>;
}

/**
 * Decodes a DCC's CWT claims set and its hcert claim (-260 / 1).
 * @throws Error naming what is missing
 */
export function decodeHealthCertificate(payload: Uint8Array): HealthCertificate {
  const claims = decodeCbor(payload);
  if (!(claims instanceof Map)) throw new Error('CWT claims are not a map');
  const hcert = claims.get(HCERT_CLAIM);
  if (!(hcert instanceof Map)) throw new Error(`hcert claim ${HCERT_CLAIM} is missing`);
  const dgc = cborToJson(hcert.get(HCERT_DGC_V1));
  if (dgc === null || typeof dgc !== 'object' || Array.isArray(dgc)) throw new Error(`hcert claim has no EU DGC v1 map under key ${HCERT_DGC_V1}`);
  const iss = claims.get(CWT.iss);
  const issuedAt = optionalClaimDate(claims, CWT.iat, 'iat (issued at)');
  const expiresAt = optionalClaimDate(claims, CWT.exp, 'exp (expiry)');
  return {
    ...(typeof iss === 'string' ? { issuer: iss } : {}),
    ...(issuedAt ? { issuedAt } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    dgc: dgc as Record<string, unknown>,
  };
}

/** The certificate types a DGC can carry. */
export type DgcType = 'vaccination' | 'test' | 'recovery';

/** Which statement a DGC holds (v, t or r), or undefined when none or several. */
export function dgcType(dgc: Record<string, unknown>): DgcType | undefined {
  const present = (['v', 't', 'r'] as const).filter((k) => Array.isArray(dgc[k]) && (dgc[k] as unknown[]).length > 0);
  if (present.length !== 1) return undefined;
  return present[0] === 'v' ? 'vaccination' : present[0] === 't' ? 'test' : 'recovery';
}

// DCC key usage OIDs (eHealth network guidelines), each in its two registered spellings.
const usageOids: Record<DgcType, readonly string[]> = {
  test: ['1.3.6.1.4.1.1847.2021.1.1', '1.3.6.1.4.1.0.1847.2021.1.1'],
  vaccination: ['1.3.6.1.4.1.1847.2021.1.2', '1.3.6.1.4.1.0.1847.2021.1.2'],
  recovery: ['1.3.6.1.4.1.1847.2021.1.3', '1.3.6.1.4.1.0.1847.2021.1.3'],
};

/**
 * Whether a signer certificate's extended key usages allow it to sign this DGC type: a
 * certificate with none of the DCC OIDs may sign every type; otherwise the type's OID must be there.
 */
export function keyUsageAllows(extendedKeyUsage: readonly string[], type: DgcType): boolean {
  const dccOids = Object.values(usageOids).flat();
  if (!extendedKeyUsage.some((oid) => dccOids.includes(oid))) return true;
  return usageOids[type].some((oid) => extendedKeyUsage.includes(oid));
}
