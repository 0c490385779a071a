/**
 * Declared purposes for reading personal data (PIPL art. 6, purpose limitation). Every read of a
 * person's record names one; it is written to the audit log and decides whether identifiers are unmasked.
 */
export const purposes = [
  'case_investigation',
  'contact_tracing',
  'field_verification',
  'quarantine_management',
  'testing',
  'supervision',
  'administration',
] as const;

/** One of {@link purposes}. */
export type Purpose = (typeof purposes)[number];

/**
 * Tells whether a string names a purpose.
 * @param value - candidate purpose
 */
export function isPurpose(value: string): value is Purpose {
  return (purposes as readonly string[]).includes(value);
}
