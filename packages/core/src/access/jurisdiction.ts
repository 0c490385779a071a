/**
 * Tells whether a region path lies at or under a jurisdiction path (ltree `<@` semantics).
 * @param path - the record's region path, labels joined by dots
 * @param scope - the jurisdiction root path
 */
export function isWithinJurisdiction(path: string, scope: string): boolean {
  if (scope === '') return true;
  return path === scope || path.startsWith(`${scope}.`);
}
