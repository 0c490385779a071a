import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { parseCsv } from './csv-reader.js';
import { csvField, CsvWriter } from './csv-writer.js';

describe('CSV', () => {
  it('quotes only when needed (RFC 4180)', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(null), '');
    assert.equal(csvField(true), 'true');
    assert.equal(csvField(3.5), '3.5');
  });

  it('writes files that csv-parse and our reader read back identically', () => {
    const dir = mkdtempSync(join(tmpdir(), 'epigrid-csv-'));
    try {
      const rows = [
        ['1', '永辉超市（幸福社区店）', 'x,y', ''],
        ['2', '"quoted"', 'line\r\nbreak', 'z'],
      ];
      const writer = new CsvWriter(join(dir, 'a.csv'), ['id', 'name', 'note', 'tail']);
      for (let k = 0; k < 30_000; k++) writer.row(rows[k % 2]!);
      writer.close();
      assert.equal(writer.rows, 30_000);
      const text = readFileSync(join(dir, 'a.csv'), 'utf8');
      const parsed = parse(text) as string[][];
      assert.deepEqual(parsed[0], ['id', 'name', 'note', 'tail']);
      assert.deepEqual(parsed.slice(1, 3), rows);
      assert.equal(parsed.length, 30_001);
      assert.deepEqual(parseCsv(text), parsed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
