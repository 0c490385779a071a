import type { Reference, SourceMapper } from '../../model/source-mapper.js';
import { RowRejected } from '../../model/source-record.js';
import { choice, optionalText, requiredDate, requiredText } from '../field-rules.js';
import { checkPhone, checkResidentId } from '../identity-fields.js';
import { mapRow } from '../map-row.js';

const sexes = ['male', 'female'] as const;

/** `registry`: the population registry; each row registers a person in a household and a grid. */
export const registrySource: SourceMapper = {
  source: 'registry',
  fields: ['resident_id', 'name', 'sex', 'birth_date', 'phone', 'household_id', 'address', 'grid_code', 'workplace_code', 'school_code', 'occupation'],
  target: { kind: 'registry' },
  map: (raw, context) =>
    mapRow(() => {
      const facts = checkResidentId('resident_id', requiredText(raw, 'resident_id'), context.today);
      const name = requiredText(raw, 'name');
      const sex = choice(raw, 'sex', sexes, true)!;
      const birthDate = requiredDate(raw, 'birth_date');
      if (birthDate !== facts.birthDate) {
        throw new RowRejected('birth_date', 'mismatch', `${birthDate} differs from the birth date in resident_id (${facts.birthDate})`);
      }
      const phoneText = optionalText(raw, 'phone');
      const phone = phoneText === null ? null : checkPhone('phone', phoneText);
      const household = requiredText(raw, 'household_id');
      const address = requiredText(raw, 'address');
      const references: Reference[] = [{ kind: 'grid', field: 'grid_code', code: requiredText(raw, 'grid_code'), column: 'grid_id' }];
      const workplace = optionalText(raw, 'workplace_code');
      if (workplace !== null) references.push({ kind: 'place', field: 'workplace_code', code: workplace, column: 'workplace_id' });
      const school = optionalText(raw, 'school_code');
      if (school !== null) references.push({ kind: 'place', field: 'school_code', code: school, column: 'school_id' });
      return {
        key: facts.value,
        day: null,
        identity: { residentId: facts.value, idSex: facts.sex, idBirthDate: facts.birthDate, phone, passport: null, name, birthDate },
        references,
        values: { name, sex, birth_date: birthDate, household_key: household, address, occupation: optionalText(raw, 'occupation') },
      };
    }),
};
