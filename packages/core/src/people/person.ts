/** Sex as recorded in the population registry. */
export type Sex = 'male' | 'female';

/**
 * A person as the store returns it to the domain: identifiers are already decided — clear only if
 * the reader may see them, otherwise masked. Nothing outside the store ever holds ciphertexts.
 */
export interface PersonRecord {
  readonly id: number;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  /** Clear or masked, see {@link PersonRecord.residentIdMasked}. */
  readonly residentId: string;
  readonly residentIdMasked: boolean;
  readonly phone: string | null;
  readonly phoneMasked: boolean;
  readonly householdId: number | null;
  readonly address: string | null;
  readonly gridId: number;
  readonly gridName: string;
  readonly regionPath: string;
  readonly workplaceId: number | null;
  readonly workplaceName: string | null;
  readonly schoolId: number | null;
  readonly schoolName: string | null;
  readonly occupation: string | null;
}

/** A short line in search results; identifiers are always masked here. */
export interface PersonSummary {
  readonly id: number;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly residentIdMasked: string;
  readonly gridId: number;
  readonly gridName: string;
}

/** A new person for the registry, with identifiers in clear (they are protected on the way in). */
export interface NewPerson {
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly residentId: string;
  readonly phone: string | null;
  readonly householdId: number | null;
  readonly gridId: number;
  readonly workplaceId: number | null;
  readonly schoolId: number | null;
  readonly occupation: string | null;
}

/** Household members shown with a person. */
export interface HouseholdMember {
  readonly id: number;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
}
