import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { listAudit, listImportedRiskLists, migrate, openPglite } from '@epigrid/store';
import { levelMapOption, riskAreaListInput } from './risk-areas.js';

const BIN = fileURLToPath(new URL('../../bin/epigrid.js', import.meta.url));
const CSV = 'region_code,name_zh,name_en,region_level,level,rule_id,since,drops_at,infections\r\n441900,东莞市,Dongguan,city,medium,N/medium,2026-03-05,,9\r\n';
const peerList = (publishedAt: string): string =>
  JSON.stringify({
    publisher: 'city-b',
    publishedAt,
    profileId: 'CN-P9-areas',
    unitLevel: 'county',
    levels: ['high', 'medium', 'low'],
    areas: [{ regionCode: '440604', nameZh: '禅城区', nameEn: 'Chancheng', regionLevel: 'county', level: 'high', ruleId: 'CN-P9-areas/high/designated', since: '2026-03-01', dropsAt: '2026-03-20', infections: 4 }],
  });

describe('epigrid risk-areas (embedded database)', () => {
  let dir: string;
  let server: Server;
  let base = '';
  const run = async (...args: string[]): Promise<{ code: number; output: string }> => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
        env: { ...process.env, EPIGRID_DATA_DIR: dir, EPIGRID_SECRET: 'e7'.repeat(32), DATABASE_URL: '', EPIGRID_INSTANCE_ID: 'city-a' },
        encoding: 'utf8',
      });
      return { code: 0, output: `${stdout}${stderr}` };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, output: `${e.stdout}${e.stderr}` };
    }
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'epigrid-risk-areas-'));
    const db = await openPglite(join(dir, 'pglite'));
    await migrate(db);
    await db.close();
    server = createServer((request, response) => {
      if (request.url === '/api/risk-areas.csv') response.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' }).end(CSV);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a peer\'s JSON file and the national CSV from a URL, refuses an older list, lists both with their sources', async () => {
    const file = join(dir, 'city-b.json');
    writeFileSync(file, peerList('2026-03-02T00:00:00Z'));
    const first = await run('risk-areas', 'import', file);
    assert.equal(first.code, 0, first.output);
    assert.match(first.output, /city-b: 1 risk area\(s\); 0 traveller\(s\) re-judged, 0 colour change\(s\)/);
    const fromUrl = await run('risk-areas', 'import', `${base}/api/risk-areas.csv`, '--publisher', 'national');
    assert.equal(fromUrl.code, 0, fromUrl.output);
    const missing = await run('risk-areas', 'import', `${base}/nothing.json`);
    assert.notEqual(missing.code, 0);
    assert.match(missing.output, /HTTP 404/);
    writeFileSync(file, peerList('2026-03-01T00:00:00Z'));
    const stale = await run('risk-areas', 'import', file);
    assert.notEqual(stale.code, 0);
    assert.match(stale.output, /A newer list of city-b is already imported/);
    const listed = await run('risk-areas', 'imports');
    assert.match(listed.output, /city-b: 1 area\(s\), published 2026-03-02T00:00:00.000Z, imported .* by system from .*city-b\.json/);
    assert.match(listed.output, /national: 1 area\(s\), published at an unknown time, .* from http:\/\/127\.0\.0\.1:\d+\/api\/risk-areas\.csv/);
    const db = await openPglite(join(dir, 'pglite'));
    const lists = await listImportedRiskLists(db);
    const audited = (await listAudit(db, { limit: 20 })).filter((e) => e.action === 'risk-area.import').map((e) => [e.subject, e.outcome]);
    await db.close();
    assert.deepEqual(lists.map((l) => [l.publisher, l.areas.map((a) => a.regionCode)]), [['city-b', ['440604']], ['national', ['441900']]]);
    assert.deepEqual(audited, [['risk-list:city-b', 'refused'], ['risk-list:national', 'allowed'], ['risk-list:city-b', 'allowed']]);
  });

  it('maps the list\'s level names with --level, and refuses a level that maps to nothing, naming it and ours; remap changes the mapping in place', async () => {
    const file = join(dir, 'province.csv');
    writeFileSync(file, CSV.replace(',medium,', ',中风险,'));
    const refused = await run('risk-areas', 'import', file, '--publisher', 'province');
    assert.notEqual(refused.code, 0);
    assert.match(refused.output, /areas\.0\.level: level "中风险" \(1 area\) is none of this instance's levels \(high, medium, low\)/);
    const mapped = await run('risk-areas', 'import', file, '--publisher', 'province', '--level', '中风险=medium', '--level', '高风险=high');
    assert.equal(mapped.code, 0, mapped.output);
    assert.match(mapped.output, /levels: 中风险 → medium \(--level\)/);
    const listed = (await run('risk-areas', 'imports')).output;
    assert.match(listed, /441900 .* medium \(中风险\)/);
    const id = /#(\d+) province:/.exec(listed)?.[1] ?? '';
    const unknown = await run('risk-areas', 'remap', id, '--level', '中风险=sealed');
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.output, /levelMap\.中风险: "sealed" is not a level of this instance \(high, medium, low\)/);
    const remapped = await run('risk-areas', 'remap', id, '--level', '中风险=high');
    assert.equal(remapped.code, 0, remapped.output);
    assert.match(remapped.output, /province: 1 risk area\(s\); levels: 中风险 → high/);
    assert.match((await run('risk-areas', 'imports')).output, /441900 .* high \(中风险\)/);
    assert.deepEqual(levelMapOption(['a=b=c', ' 高 = high ']), { 'a=b': 'c', 高: 'high' });
    assert.throws(() => levelMapOption(['高风险']), /--level 高风险: write the publisher's level, "=", and this instance's/);
    assert.throws(() => levelMapOption(['x=high', 'x=low']), /x is already mapped to high/);
  });

  it('reads CSV by the name or the content type, JSON otherwise', () => {
    assert.ok('csv' in riskAreaListInput('lists/national.CSV', CSV, null, 'national'));
    assert.ok('csv' in riskAreaListInput('https://n.example/api/risk-areas', CSV, 'text/csv; charset=utf-8', 'national'));
    assert.deepEqual(riskAreaListInput('https://b.example/api/risk-areas?x=1', '{"areas":[]}', 'application/json', undefined), { source: 'https://b.example/api/risk-areas?x=1', list: { areas: [] } });
    assert.throws(() => riskAreaListInput('list.json', 'region_code,level', null, undefined), /list\.json: not JSON .*a CSV file must end in \.csv/);
  });
});
