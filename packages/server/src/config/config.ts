import { builtinProfiles, builtinRiskAreaProfiles } from '@epigrid/core';
import { z } from 'zod';

/**
 * Every setting EpiGrid reads from the environment, validated once at start (fail fast).
 * Documented in docs/configuration.md.
 */
const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .describe('PostgreSQL connection URL; absent = embedded PGlite'),
  EPIGRID_DATA_DIR: z.string().min(1).default('./data').describe('directory for the embedded database and the generated secret'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080).describe('HTTP port'),
  EPIGRID_HOST: z.string().min(1).default('127.0.0.1').describe('interface to listen on'),
  EPIGRID_SECRET: z
    .string()
    .regex(/^[0-9a-fA-F]{64,}$/, 'must be at least 64 hexadecimal characters (32 bytes)')
    .optional()
    .describe('key material for identifier encryption, identifier hashes and the audit chain'),
  EPIGRID_SESSION_TTL_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(480),
  EPIGRID_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
  EPIGRID_DEMO: z.enum(['true', 'false']).default('true').describe('create the demo city on an empty database'),
  EPIGRID_DEMO_PEOPLE: z.coerce.number().int().min(100).max(5_000_000).default(100_000),
  EPIGRID_DEMO_SEED: z.coerce.number().int().min(0).default(1),
  EPIGRID_DEMO_RUN: z.enum(['true', 'false']).default('true').describe('run the demo outbreak day by day while serving'),
  EPIGRID_DEMO_SECONDS_PER_DAY: z.coerce.number().min(0).max(86_400).default(30).describe('wall-clock seconds per simulated day'),
  EPIGRID_DEMO_DAYS: z.coerce.number().int().min(1).max(365).default(28).describe('simulated days the demo runs'),
  EPIGRID_PRESENCE_RETENTION_DAYS: z
    .string()
    .regex(/^(\d{1,4}|([a-z-]+=\d{1,4})(,[a-z-]+=\d{1,4})*)$/, 'must be a number of days, or source=days pairs such as telecom=14,check-ins=21')
    .default('21')
    .describe('days of presence data (check-ins, telecom, transport) kept by `epigrid retention run`'),
  EPIGRID_PROTOCOL_PROFILE: z
    .string()
    .refine((id) => builtinProfiles.has(id) || id.endsWith('.json'), {
      message: `must be one of ${[...builtinProfiles.keys()].join(', ')}, or the path of a profile file ending in .json`,
    })
    .default('CN-P9-2022-06-28')
    .describe('protocol profile whose rules trace contacts and schedule quarantine: a built-in id or a JSON file'),
  EPIGRID_RISK_AREA_PROFILE: z
    .string()
    .refine((id) => builtinRiskAreaProfiles.has(id), { message: `must be one of ${[...builtinRiskAreaProfiles.keys()].join(', ')}` })
    .optional()
    .describe('area risk rule (default: the one of the protocol profile)'),
  EPIGRID_RISK_AREA_UNIT: z.enum(['county', 'town', 'community', 'grid']).optional().describe('region level of risk areas (default: the rule\'s own)'),
  EPIGRID_TRACE_INDEX_DAYS: z.coerce.number().int().min(1).max(60).default(21).describe('days of presence data held in the trace index'),
  EPIGRID_CJK_FONT: z
    .string()
    .min(1)
    .optional()
    .describe('font for Chinese text in printed orders: a .ttf/.otf file or file.ttc#PostScriptName; absent = WenQuanYi Micro Hei or another system CJK font'),
  EPIGRID_INSTANCE_ID: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and hyphens')
    .default('epigrid')
    .describe('name of this instance in cross-region referrals (peers know it by this id) and publisher of its risk-area list'),
  EPIGRID_FEDERATION_KEY_FILE: z
    .string()
    .min(1)
    .optional()
    .describe('EC P-256 private key (PKCS#8 PEM) signing referrals; absent = one generated and kept sealed in the database'),
  EPIGRID_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The validated configuration, grouped by concern. */
export interface Config {
  readonly database: { readonly url: string | undefined; readonly dataDir: string };
  readonly http: { readonly port: number; readonly host: string };
  /** Hex secret; undefined means "use or create the one kept in the data directory". */
  readonly secret: string | undefined;
  readonly auth: { readonly sessionTtlMinutes: number; readonly loginAttemptsPerMinute: number };
  readonly demo: {
    readonly enabled: boolean;
    readonly people: number;
    readonly seed: number;
    /** Run the outbreak day by day while serving. */
    readonly run: boolean;
    readonly secondsPerDay: number;
    readonly days: number;
  };
  readonly logLevel: string;
  /** Contact tracing: the active protocol profile and how many days the presence index holds. */
  readonly trace: { readonly profileId: string; readonly indexDays: number };
  /** Research and judgment: an area risk rule other than the protocol's, and the area unit level. */
  readonly judgment: { readonly riskAreaProfileId: string | null; readonly riskAreaUnit: string | null };
  /** Days of presence data kept per source (`check-ins`, `telecom`, `transport`). */
  readonly retention: { readonly presenceDays: Readonly<Record<string, number>> };
  /** Printed documents: the CJK font setting, if any. */
  readonly print: { readonly cjkFont: string | undefined };
  /** Cross-region referrals: this instance's id and, optionally, its signing key file. */
  readonly federation: { readonly instanceId: string; readonly keyFile: string | undefined };
}

/** A configuration problem: which variable and why. */
export class ConfigError extends Error {
  readonly issues: readonly string[];

  /** @param issues - one line per invalid variable */
  constructor(issues: readonly string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

const PRESENCE_SOURCES = ['check-ins', 'telecom', 'transport'] as const;

/**
 * Reads EPIGRID_PRESENCE_RETENTION_DAYS: one number for every presence source, or `source=days`
 * pairs (sources not named keep the default of 21 days).
 * @param value - the variable's value
 */
function presenceDays(value: string): Record<string, number> {
  const days: Record<string, number> = Object.fromEntries(PRESENCE_SOURCES.map((s) => [s, /^\d+$/.test(value) ? Number(value) : 21]));
  if (/^\d+$/.test(value)) return days;
  for (const pair of value.split(',')) {
    const [source, n] = pair.split('=');
    if (!(PRESENCE_SOURCES as readonly string[]).includes(source!)) {
      throw new ConfigError([`EPIGRID_PRESENCE_RETENTION_DAYS: unknown source "${source}"; use ${PRESENCE_SOURCES.join(', ')}`]);
    }
    days[source!] = Number(n);
  }
  return days;
}

/**
 * Reads and validates the configuration from environment variables.
 * @param env - the environment (process.env in production)
 * @throws ConfigError naming every invalid variable
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  // An empty variable (`DATABASE_URL=`) means "not set", as in most shells' habits.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    database: { url: e.DATABASE_URL, dataDir: e.EPIGRID_DATA_DIR },
    http: { port: e.PORT, host: e.EPIGRID_HOST },
    secret: e.EPIGRID_SECRET,
    auth: { sessionTtlMinutes: e.EPIGRID_SESSION_TTL_MINUTES, loginAttemptsPerMinute: e.EPIGRID_LOGIN_ATTEMPTS_PER_MINUTE },
    demo: {
      enabled: e.EPIGRID_DEMO === 'true',
      people: e.EPIGRID_DEMO_PEOPLE,
      seed: e.EPIGRID_DEMO_SEED,
      run: e.EPIGRID_DEMO_RUN === 'true',
      secondsPerDay: e.EPIGRID_DEMO_SECONDS_PER_DAY,
      days: e.EPIGRID_DEMO_DAYS,
    },
    logLevel: e.EPIGRID_LOG_LEVEL,
    trace: { profileId: e.EPIGRID_PROTOCOL_PROFILE, indexDays: e.EPIGRID_TRACE_INDEX_DAYS },
    retention: { presenceDays: presenceDays(e.EPIGRID_PRESENCE_RETENTION_DAYS) },
    judgment: { riskAreaProfileId: e.EPIGRID_RISK_AREA_PROFILE ?? null, riskAreaUnit: e.EPIGRID_RISK_AREA_UNIT ?? null },
    print: { cjkFont: e.EPIGRID_CJK_FONT },
    federation: { instanceId: e.EPIGRID_INSTANCE_ID, keyFile: e.EPIGRID_FEDERATION_KEY_FILE },
  };
}

/**
 * A configuration for tests: explicit values, no environment.
 * @param overrides - values to change
 */
export function loadTestConfig(overrides: Partial<Record<keyof z.input<typeof envSchema>, string>> = {}): Config {
  return loadConfig({
    EPIGRID_SECRET: 'a1'.repeat(32),
    EPIGRID_LOG_LEVEL: 'silent',
    EPIGRID_DEMO: 'false',
    ...overrides,
  });
}

/** The names and descriptions of all variables, for docs and `epigrid config`. */
export function describeConfig(): Array<{ name: string; description: string }> {
  return Object.entries(envSchema.shape).map(([name, schema]) => ({ name, description: schema.description ?? '' }));
}
