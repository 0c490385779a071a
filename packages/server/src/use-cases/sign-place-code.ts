import { can, DomainError, type Actor } from '@epigrid/core';
import { signPlaceCode } from '@epigrid/pass';
import { nodeCryptoEngine } from '@epigrid/pass/node';
import { getPlaceForCode, type PlaceForCode } from '@epigrid/store';
import QRCode from 'qrcode';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** A venue's signed place code, ready to print at its door. */
export interface PlaceCode {
  readonly place: PlaceForCode;
  /** The signed text (`EGV1:…`) the QR code holds. */
  readonly text: string;
  /** The QR code as an SVG document. */
  readonly svg: string;
  readonly kid: string;
  readonly jurisdiction: string;
}

/**
 * Signs the place code of a venue in the actor's jurisdiction with the jurisdiction's current key,
 * and renders it as a QR code. Audited.
 * @param services - application services
 * @param actor - the acting user (any staff role that reads regions, within jurisdiction)
 * @param placeId - the venue
 */
export async function signPlaceCodeForActor(services: Services, actor: Actor, placeId: number): Promise<PlaceCode> {
  const audit = { actor, action: 'place.code.sign', purpose: 'system', subject: `place:${placeId}` } as const;
  const place = await getPlaceForCode(services.db, placeId);
  if (place === null) throw new DomainError('not_found', { placeId });
  if (!can(actor, 'region.read', place.regionPath)) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'outside_jurisdiction' } });
    throw new DomainError(can(actor, 'region.read') ? 'outside_jurisdiction' : 'forbidden', { placeId });
  }
  const jurisdiction = await services.passes.jurisdictionOf(place.regionPath);
  const key = await services.passes.signingKey(jurisdiction);
  const text = await signPlaceCode(
    { venueId: String(place.id), name: place.name, regionCode: place.regionCode, lat: place.lat, lon: place.lon, issuedAt: services.now() },
    key,
    nodeCryptoEngine,
  );
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  await recordAudit(services, { ...audit, outcome: 'allowed', details: { kid: key.kidText } });
  return { place, text, svg, kid: key.kidText, jurisdiction: jurisdiction.code };
}
