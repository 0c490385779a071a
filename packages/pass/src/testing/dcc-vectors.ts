// Reading the EU DCC test vectors (dgc-testdata) for the data-driven test. Test support only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One vector file of dgc-testdata (the fields this verifier checks). */
export interface DccVector {
  /** Path under the data directory, e.g. `AT/2DCode/raw/1.json`. */
  readonly name: string;
  /** Country folder (`common` for the shared negative cases). */
  readonly country: string;
  /** File name without `.json` (the test set of known_issues.csv). */
  readonly set: string;
  readonly json?: Record<string, unknown>;
  readonly cbor?: string;
  readonly cose?: string;
  readonly compressed?: string;
  readonly base45?: string;
  readonly prefix?: string;
  readonly png?: string;
  readonly certificate?: string;
  readonly validationClock?: string;
  readonly description?: string;
  readonly expected: Readonly<Record<string, boolean>>;
}

/** Every vector JSON file under the directory, sorted by path. */
export function readDccVectors(dir: string): DccVector[] {
  return listJson(dir)
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const ctx = (raw.TESTCTX ?? {}) as Record<string, unknown>;
      const name = relative(dir, file).split('\\').join('/');
      return {
        name,
        country: name.split('/')[0]!,
        set: name.split('/').pop()!.replace(/\.json$/, ''),
        ...(raw.JSON ? { json: raw.JSON as Record<string, unknown> } : {}),
        ...pick(raw, { cbor: 'CBOR', cose: 'COSE', compressed: 'COMPRESSED', base45: 'BASE45', prefix: 'PREFIX', png: '2DCODE' }),
        ...pick(ctx, { certificate: 'CERTIFICATE', validationClock: 'VALIDATIONCLOCK', description: 'DESCRIPTION' }),
        expected: (raw.EXPECTEDRESULTS ?? {}) as Record<string, boolean>,
      };
    });
}

/** A row of tests/known_issues.csv: a check the upstream suite knows to be wrong for some vectors. */
export interface KnownIssue {
  readonly test: string;
  readonly country: string;
  /** Empty: every vector of the country. */
  readonly set: string;
  readonly reason: string;
}

/** Reads known_issues.csv (simple CSV without quoted commas). */
export function readKnownIssues(file: string): KnownIssue[] {
  const [, ...rows] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  return rows.map((row) => {
    const [test = '', country = '', set = '', reason = ''] = row.split(',');
    return { test, country, set, reason };
  });
}

function listJson(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return listJson(path);
    return entry.endsWith('.json') ? [path] : [];
  });
}

function pick(source: Record<string, unknown>, names: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(names).flatMap(([to, from]) => (typeof source[from] === 'string' ? [[to, source[from] as string]] : [])));
}
