import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildResidentId } from '@epigrid/core';
import { describeRejection } from '../model/source-record.js';
import { sourceMapper } from './source-catalogue.js';

const ID = buildResidentId('990101', '1990-01-01', 123);
const BAD_CHECK = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
const today = '2026-03-20';

const base: Record<string, Record<string, string>> = {
  'check-ins': { scan_id: 's1', place_code: 'PC-1', phone: '13800138000', time_in: '2026-03-01T08:00:00+08:00' },
  telecom: { record_id: 't1', phone: '13800138000', cell: '8831aa5a59fffff', start_time: '2026-03-01T08:00:00+08:00', end_time: '2026-03-01T09:00:00+08:00' },
  transport: {
    ticket_id: 'k1', mode: 'train', service_id: 'G1234', service_date: '2026-03-01', departure_time: '2026-03-01T08:00:00+08:00',
    arrival_time: '2026-03-01T10:00:00+08:00', origin: 'HGH', destination: 'SHH', resident_id: ID, carriage: '5', seat_row: '3', seat: 'A',
  },
  cases: { report_id: 'r1', resident_id: ID, classification: 'confirmed', onset_date: '2026-02-27', sampling_date: '2026-02-28', report_time: '2026-03-01T08:00:00+08:00' },
  'lab-results': {
    sample_id: 'x1', tube_id: 'T1', pool_size: '10', phone: '13800138000', sampled_at: '2026-03-01T08:00:00+08:00',
    resulted_at: '2026-03-01T20:00:00+08:00', result: 'negative', lab_code: 'LAB1',
  },
  vaccinations: { record_id: 'v1', resident_id: ID, vaccine_code: 'BBIBP', dose_number: '2', administered_on: '2021-06-01' },
  registry: { resident_id: ID, name: '张伟', sex: 'male', birth_date: '1990-01-01', household_id: 'H1', address: '1 Road', grid_code: 'G1' },
  stations: { station_code: 'IZQ', name: '广州南站', modes: 'train', region_code: '440113', lat: '22.99', lng: '113.27', updated_at: '2026-03-01T00:00:00+08:00' },
};

/** [source, changes to the valid row, expected message for row 12] */
const cases: Array<[string, Record<string, string>, string]> = [
  ['check-ins', { scan_id: '' }, 'row 12, field scan_id: this field is required but is empty'],
  ['check-ins', { phone: '', resident_id: BAD_CHECK }, `row 12, field resident_id: the check character is ${BAD_CHECK[17]}, expected ${ID[17]}`],
  ['check-ins', { phone: '', resident_id: '12345' }, 'row 12, field resident_id: a resident ID has 18 characters, this one has 5'],
  ['check-ins', { phone: '', resident_id: '99010119900101A23X' }, 'row 12, field resident_id: a resident ID is 17 digits followed by a digit or X'],
  ['check-ins', { phone: '', resident_id: buildResidentId('990101', '1990-01-01', 1).replace('19900101', '19901332') }, 'row 12, field resident_id: the birth date 19901332 is not a calendar date'],
  ['check-ins', { phone: '', resident_id: buildResidentId('990101', '2030-01-01', 1) }, 'row 12, field resident_id: the birth date 2030-01-01 is in the future'],
  ['check-ins', { phone: '12345' }, 'row 12, field phone: a mobile number has 11 digits starting with 1 (+86 allowed)'],
  ['check-ins', { phone: '' }, 'row 12, field person: the person is not identified: give resident_id, phone, passport with nationality, or name with birth_date'],
  ['check-ins', { phone: '', passport: 'E123' }, 'row 12, field nationality: this field is required when passport is given'],
  ['check-ins', { phone: '', passport: 'E123', nationality: 'China' }, 'row 12, field nationality: "China" is not a country code such as CN, USA or GBR'],
  ['check-ins', { time_in: '2026-03-01 08:00' }, 'row 12, field time_in: "2026-03-01 08:00" is not a time with its offset, e.g. 2026-03-01T08:15:00+08:00'],
  ['check-ins', { time_in: '2026-03-01T08:00:00' }, 'row 12, field time_in: "2026-03-01T08:00:00" is not a time with its offset, e.g. 2026-03-01T08:15:00+08:00'],
  ['check-ins', { time_in: '2026-02-30T08:00:00+08:00' }, 'row 12, field time_in: "2026-02-30T08:00:00+08:00" is not a time with its offset, e.g. 2026-03-01T08:15:00+08:00'],
  ['check-ins', { time_out: '2026-03-01T07:00:00+08:00' }, 'row 12, field time_out: 2026-03-01T07:00:00+08:00 is earlier than time_in (2026-03-01T08:00:00+08:00)'],
  ['check-ins', { phone: '', name: '张伟', birth_date: '1990/01/01' }, 'row 12, field birth_date: "1990/01/01" is not a date written YYYY-MM-DD, e.g. 2026-03-01'],
  ['check-ins', { phone: '', name: '张伟', birth_date: '1990-02-30' }, 'row 12, field birth_date: "1990-02-30" is not a calendar date'],
  ['check-ins', { phone: '', resident_id: ID, birth_date: '1990-01-02' }, 'row 12, field birth_date: 1990-01-02 differs from the birth date in resident_id (1990-01-01)'],
  ['telecom', { cell: 'xyz' }, 'row 12, field cell: "xyz" is not an H3 cell of resolution 8 (15 hexadecimal characters such as 8831aa5a59fffff)'],
  ['telecom', { cell: '8931aa5a59fffff' }, 'row 12, field cell: "8931aa5a59fffff" is not an H3 cell of resolution 8 (15 hexadecimal characters such as 8831aa5a59fffff)'],
  ['telecom', { end_time: '2026-03-01T07:59:59+08:00' }, 'row 12, field end_time: 2026-03-01T07:59:59+08:00 is earlier than start_time (2026-03-01T08:00:00+08:00)'],
  ['telecom', { phone: '' }, 'row 12, field phone: this field is required but is empty'],
  ['transport', { mode: 'bike' }, 'row 12, field mode: "bike" is not one of: train, coach, plane, ship'],
  ['transport', { carriage: '' }, 'row 12, field carriage: this field is required for a train or a ship'],
  ['transport', { seat_row: 'two' }, 'row 12, field seat_row: "two" is not a whole number'],
  ['transport', { seat_row: '0' }, 'row 12, field seat_row: "0" is too small: the least allowed is 1'],
  ['transport', { enclosed: 'yes' }, 'row 12, field enclosed: "yes" is not true or false'],
  ['transport', { arrival_time: '2026-03-01T07:00:00+08:00' }, 'row 12, field arrival_time: 2026-03-01T07:00:00+08:00 is earlier than departure_time (2026-03-01T08:00:00+08:00)'],
  ['transport', { service_date: '01/03/2026' }, 'row 12, field service_date: "01/03/2026" is not a date written YYYY-MM-DD, e.g. 2026-03-01'],
  ['cases', { classification: 'maybe' }, 'row 12, field classification: "maybe" is not one of: confirmed, asymptomatic, suspected, discarded'],
  ['cases', { onset_date: '' }, 'row 12, field onset_date: this field is required for a confirmed or suspected case (the day symptoms began)'],
  ['cases', { imported: 'abroad' }, 'row 12, field imported: "abroad" is not true or false'],
  ['lab-results', { pool_size: '3' }, 'row 12, field pool_size: "3" is not an allowed pool size (1, 5, 10 or 20)'],
  ['lab-results', { resulted_at: '2026-03-01T07:00:00+08:00' }, 'row 12, field resulted_at: 2026-03-01T07:00:00+08:00 is earlier than sampled_at (2026-03-01T08:00:00+08:00)'],
  ['lab-results', { ct_n: 'high' }, 'row 12, field ct_n: "high" is not a number'],
  ['lab-results', { result: 'unclear' }, 'row 12, field result: "unclear" is not one of: positive, negative, invalid'],
  ['vaccinations', { dose_number: '0' }, 'row 12, field dose_number: "0" is too small: the least allowed is 1'],
  ['vaccinations', { administered_on: '' }, 'row 12, field administered_on: this field is required but is empty'],
  ['registry', { sex: 'm' }, 'row 12, field sex: "m" is not one of: male, female'],
  ['registry', { birth_date: '1990-01-02' }, 'row 12, field birth_date: 1990-01-02 differs from the birth date in resident_id (1990-01-01)'],
  ['registry', { household_id: '' }, 'row 12, field household_id: this field is required but is empty'],
  ['registry', { phone: '+1 555 0100' }, 'row 12, field phone: a mobile number has 11 digits starting with 1 (+86 allowed)'],
  ['stations', { station_code: '' }, 'row 12, field station_code: this field is required but is empty'],
  ['stations', { station_code: 'Guangzhou South' }, 'row 12, field station_code: "Guangzhou South" is not a station code: 1 to 16 letters, digits, - or _, such as SHH or PEK'],
  ['stations', { name: ' ' }, 'row 12, field name: this field is required but is empty'],
  ['stations', { modes: 'train, bike' }, 'row 12, field modes: "bike" is not a mode: use train, coach, plane or ship, separated by commas'],
  ['stations', { modes: ' , ' }, 'row 12, field modes: name at least one mode: train, coach, plane or ship'],
  ['stations', { region_code: '' }, 'row 12, field region_code: this field is required but is empty'],
  ['stations', { region_code: '广州/番禺' }, 'row 12, field region_code: "广州/番禺" is not a region code: letters, digits, dots, - or _, such as 440106'],
  ['stations', { lat: '' }, 'row 12, field lat: this field is required when lng is given'],
  ['stations', { lng: '' }, 'row 12, field lng: this field is required when lat is given'],
  ['stations', { lat: '95' }, 'row 12, field lat: "95" is out of range: a latitude lies from -90 to 90'],
  ['stations', { lng: '-180.5' }, 'row 12, field lng: "-180.5" is out of range: a longitude lies from -180 to 180'],
  ['stations', { lat: 'north' }, 'row 12, field lat: "north" is not a number'],
  ['stations', { updated_at: '2026-03-01' }, 'row 12, field updated_at: "2026-03-01" is not a time with its offset, e.g. 2026-03-01T08:15:00+08:00'],
];

describe('every rejection reason, word for word', () => {
  for (const [source, changes, message] of cases) {
    it(`${source}: ${message}`, () => {
      const result = sourceMapper(source).map({ ...base[source]!, ...changes }, { today });
      assert.equal(result.ok, false, 'the row is refused');
      if (!result.ok) assert.equal(describeRejection(12, result.rejection), message);
    });
  }

  it('accepts the valid row of every source', () => {
    for (const [source, raw] of Object.entries(base)) {
      const result = sourceMapper(source).map(raw, { today });
      assert.equal(result.ok, true, `${source}: ${JSON.stringify(result)}`);
    }
  });

  it('a row with no field names the row only', () => {
    assert.equal(describeRejection(7, { field: null, rule: 'unreadable', reason: 'the line is not a JSON object' }), 'row 7: the line is not a JSON object');
  });

  it('check-ins go to the UTC+8 day of time_in; a +86 phone and lower-case x are accepted', () => {
    const result = sourceMapper('check-ins').map({ ...base['check-ins']!, phone: '+86 138-0013-8000', time_in: '2026-03-01T16:30:00Z' }, { today });
    assert.ok(result.ok);
    if (result.ok) {
      assert.equal(result.row.day, '2026-03-02');
      assert.equal(result.row.identity?.phone, '13800138000');
    }
  });

  it('stations: the code goes upper case, the modes in a fixed order, coordinates may be left out together', () => {
    const result = sourceMapper('stations').map({ ...base.stations!, station_code: 'izq', modes: 'plane train  train', lat: '', lng: '' }, { today });
    assert.ok(result.ok);
    if (result.ok) {
      assert.deepEqual([result.row.key, result.row.day, result.row.identity], ['IZQ', null, null]);
      assert.deepEqual(result.row.values, {
        name: '广州南站', name_en: null, modes: 'train,plane', region_code: '440113', region_name: null, lat: null, lng: null, updated_at: '2026-03-01T00:00:00+08:00',
      });
    }
  });

  it('names the known sources when the source is unknown', () => {
    assert.throws(() => sourceMapper('weather'), (e: any) => /unknown source "weather"; use one of: registry, cases/.test(e.details.reason));
  });
});
