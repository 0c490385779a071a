import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isDomainError } from '../errors/index.js';
import { readPublishedRiskAreas, type PublishedRiskAreaList } from './published-risk-areas.js';

const area = (regionCode: string, level: string, over: Record<string, unknown> = {}): PublishedRiskAreaList['areas'][number] => ({
  regionCode,
  nameZh: '禅城区',
  nameEn: 'Chancheng',
  regionLevel: 'county',
  level,
  ruleId: `CN-P9-areas/${level}/designated`,
  since: '2026-03-01',
  dropsAt: '2026-03-08',
  infections: 3,
  ...over,
});
const list = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  publisher: 'city-b',
  publishedAt: '2026-03-02T08:00:00.000Z',
  profileId: 'CN-P9-areas',
  unitLevel: 'county',
  levels: ['high', 'medium', 'low'],
  areas: [area('440604', 'high'), area('440605', 'medium', { dropsAt: null })],
  ...over,
});
const messageOf = (input: unknown, publisher?: string): string => {
  try {
    readPublishedRiskAreas(input, { publisher });
  } catch (error) {
    assert.ok(isDomainError(error) && error.code === 'validation_failed', String(error));
    return error.message;
  }
  return 'accepted';
};

describe('published risk-area lists', () => {
  it('reads a list, with the prefix each area\'s codes start with', () => {
    const read = readPublishedRiskAreas(list());
    assert.equal(read.publisher, 'city-b');
    assert.equal(read.publishedAt, '2026-03-02T08:00:00.000Z');
    assert.deepEqual(read.areas.map((a) => [a.regionCode, a.level, a.codePrefix, a.dropsAt]), [['440604', 'high', '440604', '2026-03-08'], ['440605', 'medium', '440605', null]]);
    assert.equal(read.backgroundAreas, 0);
  });

  it('leaves out areas at the background level, and reads a list with unknown levels as all risk areas', () => {
    const read = readPublishedRiskAreas(list({ areas: [area('440604', 'high'), area('440600', 'low')] }));
    assert.deepEqual([read.areas.map((a) => a.regionCode), read.backgroundAreas], [['440604'], 1]);
    const csvLike = readPublishedRiskAreas(list({ levels: [], areas: [area('440600', 'low')], publisher: undefined, publishedAt: undefined }), { publisher: 'national' });
    assert.deepEqual([csvLike.publisher, csvLike.publishedAt, csvLike.areas.length], ['national', null, 1]);
  });

  it('the importer\'s publisher wins over the list\'s', () => {
    assert.equal(readPublishedRiskAreas(list(), { publisher: 'national' }).publisher, 'national');
  });

  it('refuses each fault with its field and reason', () => {
    assert.equal(messageOf(list({ publisher: undefined })), 'The risk-area list is not valid: publisher: the list names no publisher; give one (e.g. national)');
    assert.equal(messageOf(list(), 'City B'), 'The risk-area list is not valid: publisher: "City B" is not a publisher name: lower-case letters, digits and hyphens');
    assert.equal(messageOf(list({ areas: [area('440604', 'severe')] })), 'The risk-area list is not valid: areas.0.level: "severe" is not one of the list\'s levels: high, medium, low');
    assert.equal(messageOf(list({ areas: [area('440604', 'high', { dropsAt: '2026-03-01' })] })), 'The risk-area list is not valid: areas.0.dropsAt: 2026-03-01 is not after since (2026-03-01)');
    assert.equal(messageOf(list({ areas: [area('440604', 'high'), area('440604', 'medium')] })), 'The risk-area list is not valid: areas.1.regionCode: 440604 is listed twice');
    assert.equal(messageOf(list({ areas: [area('440604', 'high', { since: '2026-02-30' })] })), 'The risk-area list is not valid: areas.0.since: not a date written YYYY-MM-DD');
    assert.equal(messageOf(list({ areas: [area('440604', 'high', { infections: -1 })] })), 'The risk-area list is not valid: areas.0.infections: Too small: expected number to be >=0');
    assert.equal(messageOf(list({ levels: ['high', 'medium', 'low', 'low'] })), 'The risk-area list is not valid: levels: a level is listed twice');
    assert.match(messageOf({ areas: 'none' }), /^The risk-area list is not valid: profileId: .*; areas: /);
  });

  it('any input gives either a valid list or a clean validation error', () => {
    const anyArea = fc.record({
      regionCode: fc.oneof(fc.constantFrom('440604', '440100', 'x'), fc.string()),
      nameZh: fc.string(),
      nameEn: fc.string(),
      regionLevel: fc.string(),
      level: fc.oneof(fc.constantFrom('high', 'medium', 'low'), fc.string()),
      ruleId: fc.string(),
      since: fc.oneof(fc.constantFrom('2026-03-01', '2026-02-29'), fc.string()),
      dropsAt: fc.oneof(fc.constant(null), fc.constantFrom('2026-03-05', '2026-03-01'), fc.string()),
      infections: fc.oneof(fc.integer({ min: -2, max: 50 }), fc.double()),
    });
    const anyList = fc.record(
      {
        publisher: fc.oneof(fc.constantFrom('city-b', 'national', 'B'), fc.string()),
        publishedAt: fc.oneof(fc.constant('2026-03-02T08:00:00Z'), fc.string()),
        profileId: fc.oneof(fc.constant(null), fc.string()),
        unitLevel: fc.oneof(fc.constant(null), fc.string()),
        levels: fc.oneof(fc.constant(['high', 'medium', 'low']), fc.array(fc.string(), { maxLength: 4 })),
        areas: fc.array(anyArea, { maxLength: 4 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(anyList, fc.anything()), (input) => {
        try {
          const read = readPublishedRiskAreas(input);
          const background = read.levels.length > 1 ? read.levels.at(-1) : undefined;
          return /^[a-z0-9][a-z0-9-]{0,62}$/.test(read.publisher) && read.areas.every((a) => a.level !== background && (a.dropsAt === null || a.dropsAt > a.since));
        } catch (error) {
          return isDomainError(error) && error.code === 'validation_failed' && error.message.startsWith('The risk-area list is not valid: ');
        }
      }),
      { numRuns: 500 },
    );
  });
});
