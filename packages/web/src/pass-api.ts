/** The pass, place-code and trust-list calls of the API. */
import { request } from './api-client.js';

/** A health-code colour. */
export type Colour = 'green' | 'yellow' | 'red';

/** My signed pass (`POST /api/me/pass`). */
export interface MyPass {
  /** The signed text (`EGP1:…`) the QR code holds. */
  readonly text: string;
  readonly colour: Colour;
  readonly reasonCode: string;
  /** Key of the plain-words reason under `code.reasons` (the judgment's translations). */
  readonly reasonKey: string;
  readonly jurisdiction: string;
  readonly kid: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
}

/** What the door keeper sees after a place-code scan (`POST /api/place-scans`). */
export interface DoorKeeperView {
  readonly scanId: number;
  readonly venue: { readonly id: number; readonly name: string };
  readonly maskedName: string;
  readonly colour: Colour;
  readonly reasonKey: string;
  readonly scannedAt: string;
  readonly checkedIn: boolean;
  readonly flagged: 'far_from_venue' | 'burst_far_apart' | null;
}

/** Where the phone is, when the holder allows geolocation. */
export interface PhonePosition {
  readonly lat: number;
  readonly lon: number;
  readonly accuracyM: number | null;
}

/** A venue's printable place code (`GET /api/places/:id/place-code`). */
export interface PlaceCode {
  readonly place: { readonly id: number; readonly name: string; readonly kind: string; readonly regionCode: string; readonly lat: number; readonly lon: number };
  readonly text: string;
  readonly svg: string;
  readonly kid: string;
  readonly jurisdiction: string;
}

/** One jurisdiction's published trust documents, as JSON. */
export interface TrustDocumentsJson {
  readonly trustList: unknown;
  readonly revocations: unknown;
}

/** Signs my current colour as a pass. */
export function fetchMyPass(): Promise<MyPass> {
  return request<MyPass>('/api/me/pass', { method: 'POST' });
}

/**
 * Records my scan of a place code.
 * @param text - the scanned place code (`EGV1:…`)
 * @param position - where the phone is, or null
 */
export function scanPlaceCode(text: string, position: PhonePosition | null): Promise<DoorKeeperView> {
  return request<DoorKeeperView>('/api/place-scans', { method: 'POST', body: { text, position } });
}

/**
 * A venue's signed place code and its QR code.
 * @param placeId - venue id
 */
export function fetchPlaceCode(placeId: number): Promise<PlaceCode> {
  return request<PlaceCode>(`/api/places/${encodeURIComponent(String(placeId))}/place-code`);
}

/** Every trust list the server verifies with (its own and imported peers'); public. */
export async function fetchTrustLists(): Promise<readonly TrustDocumentsJson[]> {
  const body = await request<{ items: readonly TrustDocumentsJson[] }>('/api/trust-lists', { session: false });
  return body.items;
}
