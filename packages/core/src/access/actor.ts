import type { Role } from './roles.js';

/** Who is acting: the authenticated user with their role and jurisdiction. */
export interface Actor {
  readonly userId: number;
  readonly username: string;
  readonly role: Role;
  /** Region node the user belongs to. */
  readonly regionId: number;
  /** ltree path of that node; the user's jurisdiction is everything at or under it. */
  readonly regionPath: string;
}

/** The system itself acting (migrations, demo loading, jobs), for audit entries. */
export const systemActor: Actor = Object.freeze({
  userId: 0,
  username: 'system',
  role: 'administrator',
  regionId: 0,
  regionPath: '',
});
