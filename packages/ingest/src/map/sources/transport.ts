import type { SourceMapper } from '../../model/source-mapper.js';
import { RowRejected } from '../../model/source-record.js';
import { checkOrder, choice, flag, integer, optionalText, requiredDate, requiredText, requiredTime } from '../field-rules.js';
import { identityFields, readIdentity } from '../identity-fields.js';
import { mapRow } from '../map-row.js';

const modes = ['train', 'coach', 'plane', 'ship'] as const;

/** `transport`: transport manifests, one row per ticket; partitioned by service date. */
export const transportSource: SourceMapper = {
  source: 'transport',
  fields: [
    'ticket_id', 'mode', 'service_id', 'service_date', 'departure_time', 'arrival_time', 'origin', 'destination',
    ...identityFields, 'carriage', 'seat_row', 'seat', 'enclosed',
  ],
  target: {
    kind: 'records',
    table: 'transport_ticket',
    keyColumn: 'ticket_id',
    partitioned: true,
    columns: [
      { name: 'mode', type: 'text' },
      { name: 'service_id', type: 'text' },
      { name: 'service_date', type: 'date' },
      { name: 'departure_time', type: 'timestamptz' },
      { name: 'arrival_time', type: 'timestamptz' },
      { name: 'origin', type: 'text' },
      { name: 'destination', type: 'text' },
      { name: 'carriage', type: 'text' },
      { name: 'seat_row', type: 'int' },
      { name: 'seat', type: 'text' },
      { name: 'enclosed', type: 'boolean' },
    ],
  },
  map: (raw, context) =>
    mapRow(() => {
      const key = requiredText(raw, 'ticket_id');
      const mode = choice(raw, 'mode', modes, true)!;
      const serviceId = requiredText(raw, 'service_id');
      const serviceDate = requiredDate(raw, 'service_date');
      const departure = requiredTime(raw, 'departure_time');
      const arrival = requiredTime(raw, 'arrival_time');
      checkOrder({ field: 'departure_time', time: departure }, { field: 'arrival_time', time: arrival });
      const origin = requiredText(raw, 'origin');
      const destination = requiredText(raw, 'destination');
      const identity = readIdentity(raw, context.today);
      const carriage = optionalText(raw, 'carriage');
      if (carriage === null && (mode === 'train' || mode === 'ship')) {
        throw new RowRejected('carriage', 'required', 'this field is required for a train or a ship');
      }
      const seatRow = integer(raw, 'seat_row', true, 1)!;
      const seat = requiredText(raw, 'seat');
      const enclosed = flag(raw, 'enclosed', true);
      return {
        key,
        day: serviceDate,
        identity,
        references: [],
        values: {
          mode,
          service_id: serviceId,
          service_date: serviceDate,
          departure_time: departure,
          arrival_time: arrival,
          origin,
          destination,
          carriage,
          seat_row: seatRow,
          seat,
          enclosed,
        },
      };
    }),
};
