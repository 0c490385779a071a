#!/usr/bin/env node
// Runs EpiGrid's test suites in one node:test invocation so the runner prints one summary.
// Suites: unit (x.test.ts), int (x.int.test.ts, on PGlite and on PostgreSQL when reachable), e2e (browser).
// Usage: node scripts/run-tests.mjs [unit|int|e2e ...]   (no argument = all suites)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const wanted = new Set(process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['unit', 'int', 'e2e']);

/** Lists files under dir whose name ends with suffix, skipping dependencies and build output. */
function find(dir, suffix) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...find(path, suffix));
    else if (name.endsWith(suffix)) out.push(relative(root, path));
  }
  return out.sort();
}

const files = [];
if (wanted.has('unit')) files.push(...find(join(root, 'packages'), '.test.ts').filter((f) => !f.endsWith('.int.test.ts')));
if (wanted.has('int')) files.push(...find(join(root, 'packages'), '.int.test.ts'));
if (wanted.has('e2e')) files.push(...find(join(root, 'e2e'), '.test.ts'));

const env = { ...process.env };
if (wanted.has('int') || wanted.has('e2e')) {
  const url = env.EPIGRID_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    env.EPIGRID_TEST_DATABASE_URL = url;
    console.log(`integration suites run on PGlite and on PostgreSQL (${url.replace(/\/\/[^@]*@/, '//')})`);
  } catch (error) {
    if ((env.EPIGRID_TEST_REQUIRE ?? '').includes('postgres')) {
      console.error(`PostgreSQL is required but not reachable at ${url}: ${error.message}`);
      process.exit(1);
    }
    delete env.EPIGRID_TEST_DATABASE_URL;
    console.log(`PostgreSQL not reachable (${error.message}); integration suites run on PGlite only`);
  }
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-timeout=600000', '--test-reporter=spec', ...files],
  { cwd: root, env, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
