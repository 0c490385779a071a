import { DomainError, normalisePhone, parseResidentId, type NewPerson } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import type { IdentifierVault } from '../protect/identifier-vault.js';

/**
 * Adds a person to the registry after validating the resident ID number (GB 11643) and the phone.
 * Identifiers are stored only as keyed hash, ciphertext and last four characters.
 * @param db - database
 * @param vault - identifier vault
 * @param person - the person, identifiers in clear
 * @param today - reference date for birth-date checks (YYYY-MM-DD)
 * @returns the new person's id
 * @throws DomainError invalid_resident_id (field, reason), validation_failed, conflict
 */
export async function registerPerson(db: SqlClient, vault: IdentifierVault, person: NewPerson, today: string): Promise<number> {
  const id = parseResidentId(person.residentId, today);
  if (!id.ok) throw new DomainError('invalid_resident_id', { field: 'residentId', problem: id.problem, reason: id.reason });
  if (id.facts.birthDate !== person.birthDate) {
    throw new DomainError('validation_failed', {
      field: 'birthDate',
      reason: `differs from the birth date in the ID number (${id.facts.birthDate})`,
    });
  }
  let phone: string | null = null;
  if (person.phone !== null) {
    const normalised = normalisePhone(person.phone);
    if (!normalised.ok) throw new DomainError('validation_failed', { field: 'phone', reason: normalised.reason });
    phone = normalised.value;
  }
  const grid = await db.query<{ path: string }>('SELECT path::text AS path FROM region WHERE id = $1', [person.gridId]);
  const gridPath = grid.rows[0]?.path;
  if (gridPath === undefined) throw new DomainError('validation_failed', { field: 'gridId', reason: 'no such region' });
  const idHash = vault.hash(id.facts.value);
  const existing = await db.query('SELECT 1 FROM person WHERE id_number_hash = $1', [idHash]);
  if (existing.rows.length > 0) throw new DomainError('conflict', { field: 'residentId', reason: 'already registered' });
  const inserted = await db.query<{ id: number }>(
    `INSERT INTO person (name, sex, birth_date, id_number_hash, id_number_cipher, id_number_tail,
       phone_hash, phone_cipher, phone_tail, household_id, grid_id, region_path, workplace_id, school_id, occupation)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::ltree, $13, $14, $15) RETURNING id`,
    [
      person.name,
      person.sex,
      person.birthDate,
      idHash,
      vault.encrypt(id.facts.value),
      id.facts.value.slice(-4),
      phone === null ? null : vault.hash(phone),
      phone === null ? null : vault.encrypt(phone),
      phone === null ? null : phone.slice(-4),
      person.householdId,
      person.gridId,
      gridPath,
      person.workplaceId,
      person.schoolId,
      person.occupation,
    ],
  );
  return inserted.rows[0]!.id;
}
