import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.js';

/**
 * Returns the deployment secret: EPIGRID_SECRET when set; otherwise the one kept in
 * `<dataDir>/secret.key`, created (mode 0600) on first start. Losing it makes stored identifiers
 * unreadable and the audit chain unverifiable, so production sets EPIGRID_SECRET from a vault.
 * @param config - validated configuration
 */
export function resolveSecret(config: Config): { secret: string; source: 'environment' | 'file' | 'created' } {
  if (config.secret !== undefined) return { secret: config.secret, source: 'environment' };
  const file = join(config.database.dataDir, 'secret.key');
  if (existsSync(file)) return { secret: readFileSync(file, 'utf8').trim(), source: 'file' };
  mkdirSync(config.database.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return { secret, source: 'created' };
}
