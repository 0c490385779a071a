import type { SourceMapper } from '../../model/source-mapper.js';
import { RowRejected } from '../../model/source-record.js';
import { decimal, optionalText, quote, requiredText, requiredTime, type Raw } from '../field-rules.js';
import { mapRow } from '../map-row.js';

const modes = ['train', 'coach', 'plane', 'ship'] as const;
const STATION_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/;
const REGION_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function readModes(raw: Raw): string {
  const parts = requiredText(raw, 'modes').toLowerCase().split(/[\s,]+/).filter((p) => p !== '');
  if (parts.length === 0) throw new RowRejected('modes', 'required', 'name at least one mode: train, coach, plane or ship');
  for (const part of parts) {
    if (!(modes as readonly string[]).includes(part)) throw new RowRejected('modes', 'choice', `${quote(part)} is not a mode: use train, coach, plane or ship, separated by commas`);
  }
  return modes.filter((m) => parts.includes(m)).join(',');
}

function readCoordinate(raw: Raw, field: 'lat' | 'lng', other: 'lat' | 'lng', limit: number, what: string): number | null {
  const value = decimal(raw, field);
  if (value === null) {
    if (optionalText(raw, other) !== null) throw new RowRejected(field, 'required', `this field is required when ${other} is given`);
    return null;
  }
  if (Math.abs(value) > limit) throw new RowRejected(field, 'range', `${quote(raw[field]!.trim())} is out of range: a ${what} lies from -${limit} to ${limit}`);
  return value;
}

/** `stations`: the catalogue of stations and airports tickets name; a newer `updated_at` for a stored code replaces it. */
export const stationsSource: SourceMapper = {
  source: 'stations',
  fields: ['station_code', 'name', 'name_en', 'modes', 'region_code', 'region_name', 'lat', 'lng', 'updated_at'],
  target: {
    kind: 'records',
    table: 'station',
    keyColumn: 'station_code',
    partitioned: false,
    correctedBy: 'updated_at',
    columns: [
      { name: 'name', type: 'text' },
      { name: 'name_en', type: 'text' },
      { name: 'modes', type: 'text' },
      { name: 'region_code', type: 'text' },
      { name: 'region_name', type: 'text' },
      { name: 'lat', type: 'numeric' },
      { name: 'lng', type: 'numeric' },
      { name: 'updated_at', type: 'timestamptz' },
    ],
  },
  map: (raw) =>
    mapRow(() => {
      const code = requiredText(raw, 'station_code');
      if (!STATION_CODE.test(code)) throw new RowRejected('station_code', 'format', `${quote(code)} is not a station code: 1 to 16 letters, digits, - or _, such as SHH or PEK`);
      const name = requiredText(raw, 'name');
      const stationModes = readModes(raw);
      const regionCode = requiredText(raw, 'region_code');
      if (!REGION_CODE.test(regionCode)) throw new RowRejected('region_code', 'format', `${quote(regionCode)} is not a region code: letters, digits, dots, - or _, such as 440106`);
      const lat = readCoordinate(raw, 'lat', 'lng', 90, 'latitude');
      const lng = readCoordinate(raw, 'lng', 'lat', 180, 'longitude');
      const updated = requiredTime(raw, 'updated_at');
      return {
        key: code.toUpperCase(),
        day: null,
        identity: null,
        references: [],
        values: {
          name,
          name_en: optionalText(raw, 'name_en'),
          modes: stationModes,
          region_code: regionCode,
          region_name: optionalText(raw, 'region_name'),
          lat,
          lng,
          updated_at: updated.text,
        },
      };
    }),
};
