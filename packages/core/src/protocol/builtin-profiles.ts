import { chinaProfiles } from './cn-profiles.js';
import { internationalProfiles } from './international-profiles.js';
import type { ProtocolProfile } from './protocol-profile.js';

/** Every built-in profile, keyed by id. */
export const builtinProfiles: ReadonlyMap<string, ProtocolProfile> = new Map(
  [...chinaProfiles, ...internationalProfiles].map((p) => [p.id, p]),
);

/**
 * A built-in profile by id.
 * @param id - e.g. `CN-P9-2022-06-28`
 * @throws RangeError for an unknown id
 */
export function builtinProfile(id: string): ProtocolProfile {
  const profile = builtinProfiles.get(id);
  if (!profile) throw new RangeError(`unknown protocol profile ${id}; known: ${[...builtinProfiles.keys()].join(', ')}`);
  return profile;
}
