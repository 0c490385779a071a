/** Who a record names, as validated (identifiers in clear; the loader hashes them before storing). */
export interface IdentityClaim {
  /** Normalised 18-character resident ID number. */
  readonly residentId: string | null;
  /** Sex and birth date read from the resident ID number, when there is one. */
  readonly idSex: 'male' | 'female' | null;
  readonly idBirthDate: string | null;
  /** Normalised 11-digit mobile number. */
  readonly phone: string | null;
  /** `NATIONALITY:NUMBER`, upper case. */
  readonly passport: string | null;
  readonly name: string | null;
  readonly birthDate: string | null;
}
