import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readCsv } from '@epigrid/ingest';
import { csvLine, unguardCell } from './csv-line.js';

async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

describe('CSV lines', () => {
  it('round-trips any text through a standard CSV reader', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), async (cells) => {
        // Exports always lead with a numeric id, as here: a line is never empty.
        const header = ['id', ...cells.map((_, i) => `c${i}`)];
        const rows: Array<Record<string, string>> = [];
        for await (const record of readCsv(bytesOf(csvLine(header) + csvLine([7, ...cells])))) rows.push(record.raw);
        assert.equal(rows.length, 1);
        assert.equal(rows[0]!.id, '7');
        assert.deepEqual(
          cells.map((_, i) => unguardCell(rows[0]![`c${i}`]!)),
          cells,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('quotes separators and neutralises formulas', () => {
    assert.equal(csvLine(['a,b', 'say "hi"', 'x\ny', null, 3]), '"a,b","say ""hi""","x\ny",,3\r\n');
    assert.equal(csvLine(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', 'safe']), `"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),safe\r\n`);
    assert.equal(unguardCell("'=1+1"), '=1+1');
    assert.equal(unguardCell("'plain"), "'plain");
    // A text that already looks guarded is guarded once more, so reading back gives it exactly.
    assert.equal(csvLine(["'+1"]), "''+1\r\n");
    assert.equal(unguardCell("''+1"), "'+1");
  });
});
