import type { SourceMapper } from '../../model/source-mapper.js';
import { RowRejected } from '../../model/source-record.js';
import { choice, flag, optionalDate, optionalText, optionalTime, requiredDate, requiredText, requiredTime } from '../field-rules.js';
import { identityFields, readIdentity } from '../identity-fields.js';
import { mapRow } from '../map-row.js';

const classifications = ['confirmed', 'asymptomatic', 'suspected', 'discarded'] as const;

/** `cases`: case reports; a newer `report_time` for a stored `report_id` is a correction. */
export const casesSource: SourceMapper = {
  source: 'cases',
  fields: ['report_id', ...identityFields, 'classification', 'onset_date', 'sampling_date', 'report_time', 'isolated_time', 'imported', 'reporting_unit'],
  target: {
    kind: 'records',
    table: 'case_report',
    keyColumn: 'report_id',
    partitioned: false,
    correctedBy: 'report_time',
    columns: [
      { name: 'classification', type: 'text' },
      { name: 'onset_date', type: 'date' },
      { name: 'sampling_date', type: 'date' },
      { name: 'report_time', type: 'timestamptz' },
      { name: 'isolated_time', type: 'timestamptz' },
      { name: 'imported', type: 'boolean' },
      { name: 'reporting_unit', type: 'text' },
    ],
  },
  map: (raw, context) =>
    mapRow(() => {
      const key = requiredText(raw, 'report_id');
      const identity = readIdentity(raw, context.today);
      const classification = choice(raw, 'classification', classifications, true)!;
      const onset = optionalDate(raw, 'onset_date');
      if (onset === null && (classification === 'confirmed' || classification === 'suspected')) {
        throw new RowRejected('onset_date', 'required', 'this field is required for a confirmed or suspected case (the day symptoms began)');
      }
      const sampling = requiredDate(raw, 'sampling_date');
      const reported = requiredTime(raw, 'report_time');
      const isolated = optionalTime(raw, 'isolated_time');
      return {
        key,
        day: null,
        identity,
        references: [],
        values: {
          classification,
          onset_date: onset,
          sampling_date: sampling,
          report_time: reported.text,
          isolated_time: isolated?.text ?? null,
          imported: flag(raw, 'imported', false),
          reporting_unit: optionalText(raw, 'reporting_unit'),
        },
      };
    }),
};
