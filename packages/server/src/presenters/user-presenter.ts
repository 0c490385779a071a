import { z } from 'zod';
import { abilitiesOf } from '@epigrid/core';
import type { UserAccount } from '@epigrid/store';

/** The signed-in user as the client sees them. */
export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  regionId: z.number(),
  regionPath: z.string(),
  regionNameZh: z.string(),
  regionNameEn: z.string(),
  abilities: z.array(z.string()),
});

/**
 * Presents a user account with its abilities.
 * @param user - the account
 */
export function presentMe(user: UserAccount): z.infer<typeof meSchema> {
  return meSchema.parse({ ...user, abilities: abilitiesOf(user) });
}
