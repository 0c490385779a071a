import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/epigrid.js', import.meta.url));
const run = (...args: string[]): { status: number | null; out: string } => {
  const result = spawnSync(process.execPath, [BIN, 'profiles', ...args], { encoding: 'utf8' });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
};

describe('epigrid profiles', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'epigrid-profiles-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the built-in profiles, shows one as JSON, and checks an edited copy', () => {
    assert.match(run('list').out, /CN-P9-2022-06-28/);
    const shown = run('show', 'CDC-2020-10');
    assert.equal(shown.status, 0);
    const profile = JSON.parse(shown.out) as { id: string; closeContact: { venue: { threshold: { minutes: number } } } };
    profile.id = 'COUNTY-2026';
    profile.closeContact.venue.threshold.minutes = 20;
    const file = join(dir, 'county.json');
    writeFileSync(file, JSON.stringify(profile));
    const checked = run('check', file);
    assert.equal(checked.status, 0, checked.out);
    assert.match(checked.out, /valid profile COUNTY-2026/);
  });

  it('names every invalid field of a broken profile and exits with 1', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ id: 'x' }));
    const checked = run('check', file);
    assert.equal(checked.status, 1);
    assert.match(checked.out, /id: /);
    assert.match(checked.out, /title: /);
  });
});
