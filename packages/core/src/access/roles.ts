/** The roles of architecture §4. A user holds exactly one, at one node of the region tree. */
export const roles = [
  'administrator',
  'epidemiologist',
  'command_centre',
  'grid_worker',
  'lab',
  'facility_manager',
  'auditor',
  'public',
] as const;

/** One of {@link roles}. */
export type Role = (typeof roles)[number];

/**
 * Tells whether a string names a role.
 * @param value - candidate role name
 */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
