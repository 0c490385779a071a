import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses the embedded database and port 8080 by default', () => {
    const config = loadConfig({});
    assert.equal(config.database.url, undefined);
    assert.equal(config.database.dataDir, './data');
    assert.equal(config.http.port, 8080);
    assert.equal(config.demo.people, 100_000);
  });

  it('treats an empty variable as unset', () => {
    assert.equal(loadConfig({ DATABASE_URL: '' }).database.url, undefined);
  });

  it('names every invalid variable and why', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', EPIGRID_SECRET: 'short', DATABASE_URL: 'mysql://x' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const text = error.issues.join('\n');
        assert.match(text, /PORT/);
        assert.match(text, /EPIGRID_SECRET: must be at least 64 hexadecimal characters/);
        assert.match(text, /DATABASE_URL: must be a postgres:\/\/ URL/);
        return true;
      },
    );
  });
});

describe('EPIGRID_PRESENCE_RETENTION_DAYS', () => {
  it('keeps 21 days of every presence source by default', () => {
    assert.deepEqual(loadConfig({}).retention.presenceDays, { 'check-ins': 21, telecom: 21, transport: 21 });
  });

  it('takes one number or source=days pairs', () => {
    assert.deepEqual(loadConfig({ EPIGRID_PRESENCE_RETENTION_DAYS: '14' }).retention.presenceDays, { 'check-ins': 14, telecom: 14, transport: 14 });
    assert.deepEqual(loadConfig({ EPIGRID_PRESENCE_RETENTION_DAYS: 'telecom=7,transport=30' }).retention.presenceDays, {
      'check-ins': 21,
      telecom: 7,
      transport: 30,
    });
    assert.throws(() => loadConfig({ EPIGRID_PRESENCE_RETENTION_DAYS: 'weather=3' }), /unknown source "weather"/);
    assert.throws(() => loadConfig({ EPIGRID_PRESENCE_RETENTION_DAYS: 'soon' }), /must be a number of days/);
  });
});
