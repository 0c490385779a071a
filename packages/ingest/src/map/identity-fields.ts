import { normalisePhone, parseResidentId, type ResidentIdFacts } from '@epigrid/core';
import type { IdentityClaim } from '../model/identity-claim.js';
import { RowRejected } from '../model/source-record.js';
import { optionalDate, optionalText, quote, type Raw } from './field-rules.js';

/** The identity fields every source may carry (docs/data-formats.md, "Person identity"). */
export const identityFields = ['resident_id', 'phone', 'passport', 'nationality', 'name', 'birth_date'] as const;

/**
 * Validates a resident ID number (GB 11643), with reasons for people.
 * @param field - field name, for the message
 * @param value - the number as received
 * @param today - reference date
 * @throws RowRejected format | checksum
 */
export function checkResidentId(field: string, value: string, today: string): ResidentIdFacts {
  const parsed = parseResidentId(value, today);
  if (parsed.ok) return parsed.facts;
  switch (parsed.problem) {
    case 'wrong_length':
      throw new RowRejected(field, 'format', `a resident ID has 18 characters, this one has ${value.trim().length}`);
    case 'bad_characters':
      throw new RowRejected(field, 'format', 'a resident ID is 17 digits followed by a digit or X');
    case 'bad_date':
      throw new RowRejected(field, 'format', `the ${parsed.reason}`);
    case 'wrong_checksum':
      throw new RowRejected(field, 'checksum', `the ${parsed.reason}`);
  }
}

/**
 * Validates a mainland mobile number.
 * @param field - field name, for the message
 * @param value - the number as received
 * @throws RowRejected format
 */
export function checkPhone(field: string, value: string): string {
  const phone = normalisePhone(value);
  if (!phone.ok) throw new RowRejected(field, 'format', 'a mobile number has 11 digits starting with 1 (+86 allowed)');
  return phone.value;
}

/**
 * Reads and validates the person identity of a row: any present identifier must be valid, a birth
 * date must agree with the resident ID, and at least one way of naming the person must be present.
 * @param raw - the row
 * @param today - reference date
 * @throws RowRejected
 */
export function readIdentity(raw: Raw, today: string): IdentityClaim {
  const idText = optionalText(raw, 'resident_id');
  const facts = idText === null ? null : checkResidentId('resident_id', idText, today);
  const phoneText = optionalText(raw, 'phone');
  const phone = phoneText === null ? null : checkPhone('phone', phoneText);
  const passportText = optionalText(raw, 'passport');
  const nationality = optionalText(raw, 'nationality');
  if (passportText !== null && nationality === null) {
    throw new RowRejected('nationality', 'required', 'this field is required when passport is given');
  }
  if (nationality !== null && !/^[A-Za-z]{2,3}$/.test(nationality)) {
    throw new RowRejected('nationality', 'format', `${quote(nationality)} is not a country code such as CN, USA or GBR`);
  }
  const name = optionalText(raw, 'name');
  const birthDate = optionalDate(raw, 'birth_date');
  if (facts !== null && birthDate !== null && facts.birthDate !== birthDate) {
    throw new RowRejected('birth_date', 'mismatch', `${birthDate} differs from the birth date in resident_id (${facts.birthDate})`);
  }
  const passport = passportText === null ? null : `${nationality!.toUpperCase()}:${passportText.toUpperCase().replace(/\s/g, '')}`;
  if (facts === null && phone === null && passport === null && (name === null || birthDate === null)) {
    throw new RowRejected(
      'person',
      'identity',
      'the person is not identified: give resident_id, phone, passport with nationality, or name with birth_date',
    );
  }
  return {
    residentId: facts?.value ?? null,
    idSex: facts?.sex ?? null,
    idBirthDate: facts?.birthDate ?? null,
    phone,
    passport,
    name,
    birthDate: birthDate ?? facts?.birthDate ?? null,
  };
}
