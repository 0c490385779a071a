import { DomainError, judgeScan, maskName, type Actor, type ScanVerdict } from '@epigrid/core';
import { getPlaceForCode, personIdOfUser, listPlaceScansBetween, recordPlaceScan } from '@epigrid/store';
import { readCurrentColour, type CurrentColour } from '../passes/current-colour.js';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';
import { verifyPassText } from './verify-pass-text.js';

/** A scan sent by the pass page: the place code's text and, if the holder allows it, where the phone is. */
export interface PlaceScanRequest {
  readonly text: string;
  readonly position: { readonly lat: number; readonly lon: number; readonly accuracyM: number | null } | null;
}

/** What the door keeper sees after a scan. */
export interface DoorKeeperView {
  readonly scanId: number;
  readonly venue: { readonly id: number; readonly name: string };
  /** The visitor's name with all but the first character masked. */
  readonly maskedName: string;
  /** The visitor's colour. */
  readonly colour: CurrentColour['colour'];
  readonly reasonKey: string;
  readonly scannedAt: Date;
  /** Whether the scan was recorded as a check-in (false when it looks forwarded). */
  readonly checkedIn: boolean;
  readonly verdict: ScanVerdict;
}

const noIdentifiers = { residentId: false, phone: false } as const;

/**
 * A pass holder scans a venue's place code: the code's signature is verified with the trust store; the
 * scan is judged for forwarding (far from the venue, or an unlocated scan during a far-apart burst);
 * a trusted scan becomes a check-in of the presence data (the digital travel record tracing reads), a
 * flagged one is kept with its reason and not trusted. Returns the door keeper's view. Audited.
 * @param services - application services
 * @param actor - the pass holder (a login linked to a person)
 * @param request - the place code text and the optional position
 */
export async function recordPlaceScanForActor(services: Services, actor: Actor, request: PlaceScanRequest): Promise<DoorKeeperView> {
  const personId = await personIdOfUser(services.db, actor.userId);
  if (personId === null) throw new DomainError('not_a_pass_holder', { userId: actor.userId });
  const report = await verifyPassText(services, request.text);
  const failed = report.steps.find((s) => !s.ok);
  if (failed !== undefined || report.content?.kind !== 'place') {
    throw new DomainError('invalid_place_code', { step: failed?.step ?? 'prefix', reason: failed?.detail ?? 'not a place code' });
  }
  const claims = report.content.place;
  const placeId = Number(claims.venueId);
  const place = Number.isSafeInteger(placeId) ? await getPlaceForCode(services.db, placeId) : null;
  if (place === null) throw new DomainError('invalid_place_code', { step: 'venue', reason: `venue ${claims.venueId} is not known here` });

  const scannedAt = services.now();
  const rules = services.passes.settings.forwardedScans;
  const earlier = await listPlaceScansBetween(services.db, place.id, new Date(scannedAt.getTime() - rules.burstWindowMinutes * 60_000), scannedAt);
  const sightings = earlier.map((s) => ({ at: s.at, position: s.lat === null || s.lon === null ? null : { lat: s.lat, lon: s.lon }, accuracyM: s.accuracyM }));
  const position = request.position === null ? null : { lat: request.position.lat, lon: request.position.lon };
  const verdict = judgeScan({ lat: claims.lat, lon: claims.lon }, { at: scannedAt, position, accuracyM: request.position?.accuracyM ?? null }, sightings, rules);
  const stored = await recordPlaceScan(services.db, {
    placeId: place.id,
    personId,
    scannedAt,
    lat: request.position?.lat ?? null,
    lon: request.position?.lon ?? null,
    accuracyM: request.position?.accuracyM ?? null,
    flaggedReason: verdict.kind === 'flagged' ? verdict.reason : null,
    detail: { ...verdict },
  });
  const colour = await readCurrentColour(services, personId);
  const person = await services.persons.get('', personId, noIdentifiers);
  await recordAudit(services, {
    actor,
    action: 'place.scan',
    purpose: 'system',
    subject: `person:${personId}`,
    outcome: 'allowed',
    details: { placeId: place.id, scanId: stored.scanId, verdict: verdict.kind, reason: verdict.kind === 'flagged' ? verdict.reason : null },
  });
  return {
    scanId: stored.scanId,
    venue: { id: place.id, name: place.name },
    maskedName: person.kind === 'found' ? maskName(person.value.name) : '*',
    colour: colour.colour,
    reasonKey: colour.reasonKey,
    scannedAt,
    checkedIn: stored.checkInScanId !== null,
    verdict,
  };
}
