import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { isDomainError } from '@epigrid/core';
import type { SourceRecord } from '../model/source-record.js';
import { readCsv } from './csv-reader.js';
import { readNdjson } from './ndjson-reader.js';
import { readXlsx } from './xlsx-reader.js';

async function* bytesOf(...chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

async function collect(records: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

/** Reads everything, or returns the clean error; anything else (a crash) fails the property. */
async function readOrError(read: AsyncIterable<SourceRecord>): Promise<SourceRecord[] | { line: number }> {
  try {
    return await collect(read);
  } catch (error) {
    assert.ok(isDomainError(error), `not a clean error: ${String(error)}`);
    assert.equal(error.code, 'unreadable_file');
    assert.equal(typeof error.details.line, 'number');
    assert.match(error.message, /^line \d+: /);
    return { line: error.details.line as number };
  }
}

describe('readers', () => {
  it('reads CSV in UTF-8 with a BOM, with quoting and row numbers as lines', async () => {
    const text = '\ufeffscan_id,name\ns1,"张, 伟"\n\ns2,"say ""hi"""\n';
    const rows = await collect(readCsv(bytesOf(Buffer.from(text))));
    assert.deepEqual(rows, [
      { rowNumber: 2, raw: { scan_id: 's1', name: '张, 伟' }, defect: undefined },
      { rowNumber: 4, raw: { scan_id: 's2', name: 'say "hi"' }, defect: undefined },
    ]);
  });

  it('detects GB18030, even split across chunks', async () => {
    const bytes = iconv.encode('scan_id,name\ns1,张伟\ns2,欧阳娜娜\n', 'gb18030');
    const rows = await collect(readCsv(bytesOf(bytes.subarray(0, 20), bytes.subarray(20))));
    assert.deepEqual(rows.map((r) => r.raw.name), ['张伟', '欧阳娜娜']);
  });

  it('marks a row with more cells than the header', async () => {
    const rows = await collect(readCsv(bytesOf(Buffer.from('a,b\n1,2,3\n1,2,\n'))));
    assert.equal(rows[0]!.defect, 'the row has 3 cells but the header has 2 columns');
    assert.equal(rows[1]!.defect, undefined);
  });

  it('refuses an unclosed quote naming the line', async () => {
    const result = await readOrError(readCsv(bytesOf(Buffer.from('a,b\n1,2\n3,"open\n4,5\n'))));
    assert.ok(!Array.isArray(result));
  });

  it('refuses invalid UTF-8 after a valid start, naming the line', async () => {
    const start = Buffer.from(`a,b\n${'x,y\n'.repeat(20_000)}`);
    const result = await readOrError(readCsv(bytesOf(start, Buffer.from([0x31, 0x2c, 0xff, 0xfe, 0x0a]))));
    assert.deepEqual(result, { line: 20_002 });
  });

  it('reads NDJSON: numbers and booleans as text, bad lines as defects with their line number', async () => {
    const rows = await collect(readNdjson(bytesOf(Buffer.from('{"id":"a","n":5,"ok":true,"x":null}\n\n[1]\nnot json\n{"id":"b"}'))));
    assert.deepEqual(rows[0], { rowNumber: 1, raw: { id: 'a', n: '5', ok: 'true', x: '' } });
    assert.equal(rows[1]!.rowNumber, 3);
    assert.equal(rows[1]!.defect, 'the line is not a JSON object');
    assert.equal(rows[2]!.defect, 'the line is not valid JSON');
    assert.deepEqual(rows[3], { rowNumber: 5, raw: { id: 'b' } });
  });

  it('reads the first sheet of an XLSX workbook with its row numbers', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('cases');
    sheet.addRow(['report_id', 'sampling_date', 'count']);
    sheet.addRow(['r1', new Date(Date.UTC(2026, 2, 1)), 3]);
    sheet.addRow(['r2', '2026-03-02', { formula: '1+1', result: 2 }]);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    const header = { columns: [] as readonly string[] };
    const rows = await collect(readXlsx(bytesOf(buffer), header));
    assert.deepEqual(header.columns, ['report_id', 'sampling_date', 'count']);
    assert.deepEqual(
      rows.map((r) => [r.rowNumber, r.raw]),
      [
        [2, { report_id: 'r1', sampling_date: '2026-03-01', count: '3' }],
        [3, { report_id: 'r2', sampling_date: '2026-03-02', count: '2' }],
      ],
    );
  });

  it('refuses a file that is not a workbook with a clean error', async () => {
    const result = await readOrError(readXlsx(bytesOf(Buffer.from('PK\u0003\u0004 not really a zip'))));
    assert.ok(!Array.isArray(result));
  });

  it('property: any bytes give CSV rows or a clean error naming the line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.integer({ min: 1, max: 50 }), async (bytes, cut) => {
        const input = Buffer.concat([Buffer.from('a,b,c\n'), Buffer.from(bytes)]);
        await readOrError(readCsv(bytesOf(input.subarray(0, cut), input.subarray(cut))));
      }),
      { numRuns: 300 },
    );
  });

  it('property: any bytes give NDJSON rows or a clean error naming the line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        await readOrError(readNdjson(bytesOf(Buffer.from(bytes))));
      }),
      { numRuns: 300 },
    );
  });

  it('property: any text of CSV-ish characters never crashes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '张', '\ufeff'), maxLength: 200 }), async (text) => {
        await readOrError(readCsv(bytesOf(Buffer.from(text))));
      }),
      { numRuns: 300 },
    );
  });
});
