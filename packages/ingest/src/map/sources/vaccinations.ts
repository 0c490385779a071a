import type { SourceMapper } from '../../model/source-mapper.js';
import { integer, optionalText, requiredDate, requiredText } from '../field-rules.js';
import { identityFields, readIdentity } from '../identity-fields.js';
import { mapRow } from '../map-row.js';

/** `vaccinations`: one row per dose given. */
export const vaccinationsSource: SourceMapper = {
  source: 'vaccinations',
  fields: ['record_id', ...identityFields, 'vaccine_code', 'dose_number', 'administered_on', 'site_code'],
  target: {
    kind: 'records',
    table: 'vaccination',
    keyColumn: 'record_id',
    partitioned: false,
    columns: [
      { name: 'vaccine_code', type: 'text' },
      { name: 'dose_number', type: 'int' },
      { name: 'administered_on', type: 'date' },
      { name: 'site_code', type: 'text' },
    ],
  },
  map: (raw, context) =>
    mapRow(() => {
      const key = requiredText(raw, 'record_id');
      const identity = readIdentity(raw, context.today);
      return {
        key,
        day: null,
        identity,
        references: [],
        values: {
          vaccine_code: requiredText(raw, 'vaccine_code'),
          dose_number: integer(raw, 'dose_number', true, 1),
          administered_on: requiredDate(raw, 'administered_on'),
          site_code: optionalText(raw, 'site_code'),
        },
      };
    }),
};
