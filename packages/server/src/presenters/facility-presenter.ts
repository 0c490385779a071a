import type { FacilityRecord } from '@epigrid/store';
import { z } from 'zod';

/** An isolation facility to choose for a `transferred` outcome. */
export const facilitySchema = z.object({
  id: z.number(),
  name: z.string(),
  category: z.string().nullable(),
  region: z.object({ code: z.string(), name: z.string() }),
  location: z.object({ lat: z.number(), lng: z.number() }),
  capacity: z.number().nullable().describe('rooms, when known'),
  occupied: z.number().describe('people placed there under quarantine'),
});

/**
 * Presents a facility.
 * @param facility - the stored facility
 */
export function presentFacility(facility: FacilityRecord): z.infer<typeof facilitySchema> {
  return {
    id: facility.id,
    name: facility.name,
    category: facility.category,
    region: { code: facility.regionCode, name: facility.regionName },
    location: { lat: facility.lat, lng: facility.lng },
    capacity: facility.capacity,
    occupied: facility.occupied,
  };
}
