import type { SourceMapper } from '../../model/source-mapper.js';
import { RowRejected } from '../../model/source-record.js';
import { checkOrder, choice, decimal, optionalText, quote, requiredText, requiredTime } from '../field-rules.js';
import { identityFields, readIdentity } from '../identity-fields.js';
import { mapRow } from '../map-row.js';

const results = ['positive', 'negative', 'invalid'] as const;
const poolSizes = ['1', '5', '10', '20'];

/** `lab-results`: one row per person-sample; a pooled tube of k people gives k rows. */
export const labResultsSource: SourceMapper = {
  source: 'lab-results',
  fields: ['sample_id', 'tube_id', 'pool_size', ...identityFields, 'sampled_at', 'resulted_at', 'result', 'ct_n', 'ct_orf1ab', 'lab_code', 'round_id'],
  target: {
    kind: 'records',
    table: 'lab_result',
    keyColumn: 'sample_id',
    partitioned: false,
    columns: [
      { name: 'tube_id', type: 'text' },
      { name: 'pool_size', type: 'int' },
      { name: 'sampled_at', type: 'timestamptz' },
      { name: 'resulted_at', type: 'timestamptz' },
      { name: 'result', type: 'text' },
      { name: 'ct_n', type: 'numeric' },
      { name: 'ct_orf1ab', type: 'numeric' },
      { name: 'lab_code', type: 'text' },
      { name: 'round_id', type: 'text' },
    ],
  },
  map: (raw, context) =>
    mapRow(() => {
      const key = requiredText(raw, 'sample_id');
      const tube = requiredText(raw, 'tube_id');
      const pool = requiredText(raw, 'pool_size');
      if (!poolSizes.includes(pool)) throw new RowRejected('pool_size', 'choice', `${quote(pool)} is not an allowed pool size (1, 5, 10 or 20)`);
      const identity = readIdentity(raw, context.today);
      const sampled = requiredTime(raw, 'sampled_at');
      const resulted = requiredTime(raw, 'resulted_at');
      checkOrder({ field: 'sampled_at', time: sampled }, { field: 'resulted_at', time: resulted });
      return {
        key,
        day: null,
        identity,
        references: [],
        values: {
          tube_id: tube,
          pool_size: Number(pool),
          sampled_at: sampled,
          resulted_at: resulted,
          result: choice(raw, 'result', results, true),
          ct_n: decimal(raw, 'ct_n'),
          ct_orf1ab: decimal(raw, 'ct_orf1ab'),
          lab_code: requiredText(raw, 'lab_code'),
          round_id: optionalText(raw, 'round_id'),
        },
      };
    }),
};
