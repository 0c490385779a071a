// Child process of bench/ingest.bench.ts: generates a large check-ins CSV (streamed to disk), imports
// it and samples its own RSS every 200 ms; prints one JSON line { rows, bytes, seconds, peakMiB, ... }.
// Usage: node --import tsx bench/ingest-rss-child.ts <megabytes>   (PostgreSQL from EPIGRID_TEST_DATABASE_URL, else PGlite)
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPoolingFixture, importFile } from '@epigrid/ingest';
import { createThrowawayDatabase, migrate, openPglite, openPostgres, type SqlClient } from '@epigrid/store';

const megabytes = Number(process.argv[2] ?? 200);

/**
 * This process's peak RSS. On Linux from VmHWM: getrusage's maxRSS also counts the high-water mark of
 * the address space the process had before exec, i.e. the spawning parent's RSS, so a child of a big
 * parent would report the parent's size.
 */
function peakRssMiB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm !== null) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
const url = process.env.EPIGRID_TEST_DATABASE_URL;
const throwaway = url === undefined ? null : await createThrowawayDatabase(url);
const db: SqlClient = throwaway === null ? await openPglite() : await openPostgres(throwaway.url, 4);
const dir = mkdtempSync(join(tmpdir(), 'epigrid-rss-'));
try {
  await migrate(db);
  const fx = await buildPoolingFixture(db, 200);
  const file = join(dir, 'large.check-ins.csv');
  const out = createWriteStream(file);
  out.write('scan_id,place_code,phone,time_in,time_out\n');
  let rows = 0;
  let bytes = 0;
  while (bytes < megabytes * 2 ** 20) {
    const minute = String(rows % 60).padStart(2, '0');
    const day = `2026-03-0${1 + (rows % 7)}`;
    const line = `r${rows},${fx.venueCode},${fx.residents[rows % 200]!.phone},${day}T10:${minute}:00+08:00,${day}T11:${minute}:00+08:00\n`;
    bytes += line.length;
    rows++;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(process.memoryUsage.rss() / 2 ** 20), 200);
  const started = performance.now();
  const report = await importFile({ ...fx.env, chunkSize: 50_000 }, 'check-ins', file, { actorName: 'bench' });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  if (report.accepted !== rows) throw new Error(`accepted ${report.accepted} of ${rows}`);
  const tenth = samples.slice(0, Math.max(1, Math.floor(samples.length / 10)));
  console.log(
    JSON.stringify({
      engine: db.engine,
      rows,
      bytes: statSync(file).size,
      seconds,
      peakMiB: peakRssMiB(),
      sampledPeakMiB: Math.max(...samples),
      earlyPeakMiB: Math.max(...tenth),
    }),
  );
} finally {
  await db.close();
  await throwaway?.drop();
  rmSync(dir, { recursive: true, force: true });
}
