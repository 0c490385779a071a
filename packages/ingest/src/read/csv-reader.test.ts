import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { isDomainError } from '@epigrid/core';
import type { SourceRecord } from '../model/source-record.js';
import { readCsv, readCsvBatches } from './csv-reader.js';
import { MAX_RECORD_CHARS } from './csv-record-cutter.js';

async function* piecesOf(bytes: Buffer, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= from || cut >= bytes.length) continue;
    yield bytes.subarray(from, cut);
    from = cut;
  }
  yield bytes.subarray(from);
}

// The decoder gathers 64 KiB before it decides on the encoding: a first row that long makes the
// splits of the rest reach the cutter as separate pieces.
const padded = (header: string, body: string): { bytes: Buffer; offset: number } => {
  const pad = `pad,"${'p'.repeat(66_000)}"${header.endsWith('\r\n') ? '\r\n' : '\n'}`;
  return { bytes: Buffer.from(`${header}${pad}${body}`), offset: Buffer.byteLength(`${header}${pad}`) };
};

async function collect(records: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

/** What csv-parse (the former reader) made of the same text: rows by the line they end on. */
function reference(text: string): SourceRecord[] {
  const rows = parse(text, { relax_quotes: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const [head, ...rest] = rows;
  if (head === undefined) return [];
  const columns = head.record.map((c) => c.trim());
  return rest.map(({ record, info }) => {
    const raw: Record<string, string> = {};
    for (let i = 0; i < Math.min(columns.length, record.length); i++) raw[columns[i]!] = record[i]!;
    const extra = record.slice(columns.length).some((c) => c.trim() !== '');
    return { rowNumber: info.lines, raw, defect: extra ? `the row has ${record.length} cells but the header has ${columns.length} columns` : undefined };
  });
}

// '⏎' stands for a line break inside a quoted cell, written LF: csv-parse counts a CRLF inside quotes
// as two lines, where editors (and this reader) count one — tested on its own below.
const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '⏎', '张', '9'), maxLength: 8 });
const quoteIfNeeded = (value: string): string =>
  /[",⏎]/.test(value) || value.startsWith(' ') ? `"${value.replaceAll('"', '""').replaceAll('⏎', '\n')}"` : value;
const csvText = fc
  .tuple(
    fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
    fc.constantFrom('\n', '\r\n'),
    fc.array(fc.nat(), { maxLength: 4 }),
  )
  .map(([rows, eol, blanks]) => {
    const lines = [['a', 'b', 'c'].join(','), ...rows.map((r) => r.map(quoteIfNeeded).join(','))];
    for (const at of blanks) lines.splice(1 + (at % lines.length), 0, '');
    return `${lines.join(eol)}${eol}`;
  });

describe('CSV reader', () => {
  it('agrees with csv-parse on well-formed CSV: cells, defects and the line each row ends on, however the bytes are split', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.array(fc.nat({ max: 400 }), { maxLength: 5 }), async (text, cuts) => {
        const newline = text.indexOf('\n') + 1;
        const { bytes, offset } = padded(text.slice(0, newline), text.slice(newline));
        const rows = await collect(readCsv(piecesOf(bytes, cuts.map((c) => offset + c))));
        assert.deepEqual(rows, reference(bytes.toString()));
      }),
      { numRuns: 400 },
    );
  });

  it('property: any text gives the same rows, or the same clean error and line, however its bytes are split', async () => {
    const outcome = async (bytes: Buffer, cuts: readonly number[]): Promise<unknown> => {
      try {
        return await collect(readCsv(piecesOf(bytes, cuts)));
      } catch (error) {
        assert.ok(isDomainError(error) && error.code === 'unreadable_file', `not a clean error: ${String(error)}`);
        return { line: error.details.line, message: error.message };
      }
    };
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '张', '\ufeff', '""'), maxLength: 300 }),
        fc.array(fc.nat({ max: 900 }), { maxLength: 6 }),
        async (text, cuts) => {
          const { bytes, offset } = padded('h1,h2\n', text);
          assert.deepEqual(await outcome(bytes, cuts.map((c) => offset + c)), await outcome(bytes, []));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('names the line of a quoted field that is never closed, and of a character after a closing quote', async () => {
    const read = (text: string): Promise<SourceRecord[]> => collect(readCsv(piecesOf(Buffer.from(text), [])));
    await assert.rejects(read('a,b\n1,2\n3,"open\n4,5\n'), (e: unknown) => isDomainError(e) && e.details.line === 3 && /not closed/.test(e.message));
    await assert.rejects(read('a,b\n1,"x"y\n'), (e: unknown) => isDomainError(e) && e.details.line === 2 && /closing quote/.test(e.message));
  });

  it('counts a CRLF inside a quoted cell as one line', async () => {
    const rows = await collect(readCsv(piecesOf(Buffer.from('a,b\r\n"x\r\ny",1\r\n2,3\r\n'), [])));
    assert.deepEqual(
      rows.map((r) => r.rowNumber),
      [3, 4],
    );
  });

  it('refuses a line once more than 1 MB of it waits for its end', async () => {
    const long = Buffer.from(`a,b\n1,2\n${'x'.repeat(MAX_RECORD_CHARS + 10)}\n`);
    await assert.rejects(collect(readCsv(piecesOf(long, [65_536, 600_000, MAX_RECORD_CHARS + 9]))), (e: unknown) => isDomainError(e) && e.details.line === 3);
  });

  it('hands rows over in batches with the header, one reused view per batch and records to keep', async () => {
    const batches = [];
    for await (const batch of readCsvBatches(piecesOf(Buffer.from('x,y\n1,2\n3\n'), []))) batches.push(batch);
    assert.equal(batches.length, 1);
    const [batch] = batches;
    assert.deepEqual(batch!.columns, ['x', 'y']);
    assert.deepEqual({ ...batch!.view(0) }, { x: '1', y: '2' });
    assert.equal(batch!.view(1), batch!.view(0), 'the view is reused');
    assert.deepEqual({ ...batch!.view(1) }, { x: '3', y: '' });
    assert.deepEqual(batch!.record(1), { rowNumber: 3, raw: { x: '3' }, defect: undefined });
  });
});
