import { decodeCbor, encodeCbor } from '../cbor.js';
import { CWT, EPIGRID_CLAIM, PLACE_FIELD } from './claim-keys.js';
import { claimDate, claimNumber, claimText, epochSeconds, optionalClaimDate, readClaimsMap } from './claim-reading.js';

/** What a venue's place code asserts. */
export interface PlaceClaims {
  readonly venueId: string;
  readonly name: string;
  /** Code of the region node the venue is in. */
  readonly regionCode: string;
  readonly lat: number;
  readonly lon: number;
  /** Region code of the issuing jurisdiction (CWT `iss`). */
  readonly jurisdiction: string;
  readonly issuedAt: Date;
  /** Place codes printed at a door usually have no expiry. */
  readonly expiresAt?: Date;
}

/** Encodes place-code claims as a CWT claims set. */
export function encodePlaceClaims(claims: PlaceClaims): Uint8Array {
  if (!(Math.abs(claims.lat) <= 90 && Math.abs(claims.lon) <= 180)) throw new Error(`venue ${claims.venueId}: coordinates ${claims.lat},${claims.lon} are out of range`);
  const map = new Map<number, unknown>([
    [CWT.iss, claims.jurisdiction],
    [CWT.sub, claims.venueId],
    [CWT.iat, epochSeconds(claims.issuedAt)],
  ]);
  if (claims.expiresAt) map.set(CWT.exp, epochSeconds(claims.expiresAt));
  map.set(
    EPIGRID_CLAIM,
    new Map<number, unknown>([
      [PLACE_FIELD.venueId, claims.venueId],
      [PLACE_FIELD.name, claims.name],
      [PLACE_FIELD.regionCode, claims.regionCode],
      [PLACE_FIELD.lat, claims.lat],
      [PLACE_FIELD.lon, claims.lon],
    ]),
  );
  return encodeCbor(map);
}

/**
 * Decodes a CWT claims set into place-code claims.
 * @throws Error naming the missing or malformed claim
 */
export function decodePlaceClaims(payload: Uint8Array): PlaceClaims {
  const { claims, own } = readClaimsMap(decodeCbor(payload));
  const expiresAt = optionalClaimDate(claims, CWT.exp, 'exp (expiry)');
  return {
    venueId: claimText(own, PLACE_FIELD.venueId, 'venue id'),
    name: claimText(own, PLACE_FIELD.name, 'venue name'),
    regionCode: claimText(own, PLACE_FIELD.regionCode, 'region code'),
    lat: claimNumber(own, PLACE_FIELD.lat, 'latitude'),
    lon: claimNumber(own, PLACE_FIELD.lon, 'longitude'),
    jurisdiction: claimText(claims, CWT.iss, 'iss (jurisdiction)'),
    issuedAt: claimDate(claims, CWT.iat, 'iat (issued at)'),
    ...(expiresAt ? { expiresAt } : {}),
  };
}
