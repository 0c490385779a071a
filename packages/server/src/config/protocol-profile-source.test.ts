import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { builtinProfile } from '@epigrid/core';
import { ConfigError } from './config.js';
import { loadProtocolProfile } from './protocol-profile-source.js';

describe('loadProtocolProfile', () => {
  it('returns a built-in profile by id', () => {
    assert.equal(loadProtocolProfile('WHO-2021').id, 'WHO-2021');
  });

  it("loads an operator's edited profile from a JSON file", () => {
    const dir = mkdtempSync(join(tmpdir(), 'epigrid-profile-'));
    try {
      const base = builtinProfile('CN-P9-2022-06-28');
      const edited = {
        ...base,
        id: 'LOCAL-2026-03',
        closeContact: { ...base.closeContact, venue: { ...base.closeContact.venue, threshold: { minutes: 10, comparison: 'at-least' } } },
      };
      const file = join(dir, 'local.json');
      writeFileSync(file, JSON.stringify(edited));
      const profile = loadProtocolProfile(file);
      assert.equal(profile.id, 'LOCAL-2026-03');
      assert.equal(profile.closeContact.venue.threshold.minutes, 10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an invalid file, naming the field and the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'epigrid-profile-'));
    try {
      const base = builtinProfile('CN-P9-2022-06-28');
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify({ ...base, exposureWindow: { ...base.exposureWindow, daysBeforeOnset: -3 } }));
      assert.throws(
        () => loadProtocolProfile(file),
        (error: unknown) => error instanceof ConfigError && error.issues.some((i) => i.includes('exposureWindow.daysBeforeOnset')),
      );
      assert.throws(() => loadProtocolProfile(join(dir, 'missing.json')), /cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
