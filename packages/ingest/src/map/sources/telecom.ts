import type { SourceMapper } from '../../model/source-mapper.js';
import { RowRejected } from '../../model/source-record.js';
import { checkOrder, chinaDay, quote, requiredText, requiredTime } from '../field-rules.js';
import { checkPhone } from '../identity-fields.js';
import { mapRow } from '../map-row.js';

// An H3 index of resolution 8: mode 1, resolution 8, base cell ≤ 121, digits 9..15 unused (all ones).
const H3_RES8 = /^88[0-9a-f]{7}[13579bdf]f{5}$/;

/**
 * Checks an H3 cell index of resolution 8.
 * @param field - field name, for the message
 * @param value - text
 */
export function checkH3Cell(field: string, value: string): string {
  const cell = value.toLowerCase();
  const ok = H3_RES8.test(cell) && Number((BigInt(`0x${cell}`) >> 45n) & 127n) <= 121;
  if (!ok) throw new RowRejected(field, 'format', `${quote(value)} is not an H3 cell of resolution 8 (15 hexadecimal characters such as 8831aa5a59fffff)`);
  return cell;
}

/** `telecom`: a phone seen in a cell during an interval. */
export const telecomSource: SourceMapper = {
  source: 'telecom',
  fields: ['record_id', 'phone', 'cell', 'start_time', 'end_time'],
  target: {
    kind: 'records',
    table: 'telecom_presence',
    keyColumn: 'record_id',
    partitioned: true,
    columns: [
      { name: 'cell', type: 'text' },
      { name: 'start_time', type: 'timestamptz' },
      { name: 'end_time', type: 'timestamptz' },
    ],
  },
  map: (raw) =>
    mapRow(() => {
      const key = requiredText(raw, 'record_id');
      const phone = checkPhone('phone', requiredText(raw, 'phone'));
      const cell = checkH3Cell('cell', requiredText(raw, 'cell'));
      const start = requiredTime(raw, 'start_time');
      const end = requiredTime(raw, 'end_time');
      checkOrder({ field: 'start_time', time: start }, { field: 'end_time', time: end });
      return {
        key,
        day: chinaDay(start),
        identity: { residentId: null, idSex: null, idBirthDate: null, phone, passport: null, name: null, birthDate: null },
        references: [],
        values: { cell, start_time: start, end_time: end },
      };
    }),
};
