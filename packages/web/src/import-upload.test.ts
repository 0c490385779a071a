import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { sourceCatalogue } from '@epigrid/ingest';
import { importSources, shownFileName, uploadContentType, uploadKey, xlsxContentType } from './import-upload.js';

describe('import upload', () => {
  it('offers exactly the sources the server imports', () => {
    assert.deepEqual([...importSources].sort(), [...sourceCatalogue.keys()].sort());
  });

  it('picks the content type from the extension, whatever its case, and refuses others', () => {
    assert.equal(uploadContentType('rows.csv'), 'text/csv');
    assert.equal(uploadContentType('Rows.NDJSON'), 'application/x-ndjson');
    assert.equal(uploadContentType('rows.jsonl'), 'application/x-ndjson');
    assert.equal(uploadContentType('2026.03.01 vaccinations.XLSX'), xlsxContentType);
    for (const name of ['rows.xls', 'rows.json', 'rows.txt', 'rows', 'csv', 'rows.csv.zip']) assert.equal(uploadContentType(name), null, name);
  });

  it('keys an upload by the SHA-256 of the source and the bytes', async () => {
    const bytes = new TextEncoder().encode('record_id,phone\nv-1,13900000101\n');
    const key = await uploadKey('vaccinations', bytes.buffer);
    assert.equal(key, `sha256:${createHash('sha256').update('vaccinations\n').update(bytes).digest('hex')}`);
    assert.equal(await uploadKey('vaccinations', bytes.slice().buffer), key);
    assert.notEqual(await uploadKey('cases', bytes.buffer), key);
  });

  it('shortens an upload key in the batch table, and leaves other names alone', () => {
    assert.equal(shownFileName(`http:sha256:${'2be073a7ee01'}${'f'.repeat(52)}`), 'http:sha256:2be073a7ee01…');
    assert.equal(shownFileName('http:batch-1'), 'http:batch-1');
    assert.equal(shownFileName('/data/2026-03-01/vaccinations.csv'), '/data/2026-03-01/vaccinations.csv');
  });
});
