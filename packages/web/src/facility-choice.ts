/** How the outcome form offers isolation facilities: rooms left, the order to pick from, the offline copy. */
import type { FacilityView } from './task-types.js';

/**
 * Rooms still free in a facility, or null when its capacity is unknown.
 * @param facility - the facility
 */
export function freeRooms(facility: Pick<FacilityView, 'capacity' | 'occupied'>): number | null {
  return facility.capacity === null ? null : Math.max(0, facility.capacity - facility.occupied);
}

function rank(facility: FacilityView): number {
  const free = freeRooms(facility);
  if (free === null) return 1;
  return free > 0 ? 0 : 2;
}

/**
 * The order a worker picks from: facilities with rooms free first (most free first), then those of
 * unknown capacity, full ones last; by name within each.
 * @param facilities - as the server listed them
 */
export function orderFacilities(facilities: readonly FacilityView[]): FacilityView[] {
  return [...facilities].sort(
    (a, b) => rank(a) - rank(b) || (freeRooms(b) ?? 0) - (freeRooms(a) ?? 0) || a.name.localeCompare(b.name, 'zh-CN') || a.id - b.id,
  );
}

function isFacility(value: unknown): value is FacilityView {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return (
    Number.isInteger(f.id) &&
    (f.id as number) > 0 &&
    typeof f.name === 'string' &&
    (f.capacity === null || typeof f.capacity === 'number') &&
    typeof f.occupied === 'number' &&
    typeof f.region === 'object' &&
    f.region !== null
  );
}

/**
 * Reads back the copy of the list kept for offline use; anything malformed reads as no copy.
 * @param text - the stored JSON, or null
 */
export function parseFacilityCache(text: string | null): FacilityView[] | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every(isFacility) ? value : null;
  } catch {
    return null;
  }
}
