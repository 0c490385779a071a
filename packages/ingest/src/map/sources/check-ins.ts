import type { SourceMapper } from '../../model/source-mapper.js';
import { checkOrder, chinaDay, optionalTime, requiredText, requiredTime } from '../field-rules.js';
import { identityFields, readIdentity } from '../identity-fields.js';
import { mapRow } from '../map-row.js';

/** `check-ins`: venue place-code scans. */
export const checkInsSource: SourceMapper = {
  source: 'check-ins',
  fields: ['scan_id', 'place_code', ...identityFields, 'time_in', 'time_out'],
  target: {
    kind: 'records',
    table: 'check_in',
    keyColumn: 'scan_id',
    partitioned: true,
    columns: [
      { name: 'place_id', type: 'bigint' },
      { name: 'time_in', type: 'timestamptz' },
      { name: 'time_out', type: 'timestamptz' },
    ],
  },
  map: (raw, context) =>
    mapRow(() => {
      const key = requiredText(raw, 'scan_id');
      const placeCode = requiredText(raw, 'place_code');
      const identity = readIdentity(raw, context.today);
      const timeIn = requiredTime(raw, 'time_in');
      const timeOut = optionalTime(raw, 'time_out');
      if (timeOut !== null) checkOrder({ field: 'time_in', time: timeIn }, { field: 'time_out', time: timeOut });
      return {
        key,
        day: chinaDay(timeIn),
        identity,
        references: [{ kind: 'venue', field: 'place_code', code: placeCode, column: 'place_id' }],
        values: { time_in: timeIn, time_out: timeOut },
      };
    }),
};
