import { createIdentifierVault } from '@epigrid/store';
import type { Opened } from '../open-configured.js';
import type { JudgmentFindings } from './judgment-figures.js';

/**
 * Reads the platform's colour history (in resident IDs, for the people whose colour ever changed)
 * and its area level history, for `sim evaluate`.
 * @param opened - configured database
 */
export async function readJudgmentFindings(opened: Opened): Promise<JudgmentFindings> {
  const vault = createIdentifierVault(opened.secret);
  const changes = await opened.db.query<{ cipher: string; toColour: 'green' | 'yellow' | 'red'; changedAt: Date }>(
    `SELECT p.id_number_cipher AS cipher, c.to_colour AS "toColour", c.changed_at AS "changedAt"
     FROM health_code_change c JOIN person p ON p.id = c.person_id WHERE p.id_number_cipher IS NOT NULL ORDER BY c.id`,
  );
  const areas = await opened.db.query<{ regionId: number; level: string; recordedAt: Date; background: boolean }>(
    `SELECT region_id AS "regionId", level, recorded_at AS "recordedAt", background FROM risk_area_level_history ORDER BY id`,
  );
  const population = await opened.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE NOT provisional');
  const decrypted = new Map<string, string>();
  const residentId = (cipher: string): string => {
    let id = decrypted.get(cipher);
    if (id === undefined) {
      id = vault.decrypt(cipher);
      decrypted.set(cipher, id);
    }
    return id;
  };
  return {
    population: population.rows[0]?.n ?? 0,
    colourChanges: changes.rows.map((r) => ({ residentId: residentId(r.cipher), colour: r.toColour, at: new Date(r.changedAt).toISOString() })),
    areaChanges: areas.rows.map((r) => ({ areaId: r.regionId, level: r.level, background: r.background, at: new Date(r.recordedAt).toISOString() })),
  };
}
