import { can, DomainError, mapRiskAreaLevels, type Actor, type LevelMappingEntry } from '@epigrid/core';
import { remapImportedRiskList, travellersThroughImportedAreas, type ImportedRiskList } from '@epigrid/store';
import type { Services } from '../../services.js';
import { recordAudit } from '../record-audit.js';
import { judgmentRules } from './judgment-rules.js';
import { recomputeHealthCodes } from './recompute-health-codes.js';

/**
 * Changes the level mapping of a stored imported list in place: the publisher's level names of its
 * areas are mapped again by the rules of an import (the officer's mapping first, then the same name,
 * then the rank), the publisher's names kept. A level that maps to none, or a level this instance
 * does not know, refuses the whole change and the list stays as it was. Areas that now fall to the
 * background level are left out, as an import leaves them out (only a new import brings them back).
 * The travellers through stations of the areas whose level changed are re-judged at once. Audited
 * (`risk-area.remap`) with the mapping given and the one used.
 * @param services - application services
 * @param actor - a user with `risk-area.import`
 * @param listId - the stored list's id
 * @param levelMap - the publisher's level names → this instance's
 * @returns the list as stored afterwards
 */
export async function remapImportedRiskAreaList(
  services: Services,
  actor: Actor,
  listId: number,
  levelMap: Readonly<Record<string, string>>,
): Promise<ImportedRiskList> {
  const audit = { actor, action: 'risk-area.remap', purpose: 'system' } as const;
  if (!can(actor, 'risk-area.import')) {
    await recordAudit(services, { ...audit, subject: null, outcome: 'refused', details: { reason: 'forbidden', listId, levelMap } });
    throw new DomainError('forbidden', { ability: 'risk-area.import' });
  }
  const ours = judgmentRules(services).areas?.model.levels ?? [];
  const background = ours.length > 1 ? ours[ours.length - 1] : undefined;
  let levelMapping: readonly LevelMappingEntry[] = [];
  const remapped = await remapImportedRiskList(services.db, listId, (stored) => {
    // The stored areas carry the publisher's names again, as the published list did.
    const published = { ...stored, publishedAt: stored.publishedAt?.toISOString() ?? null, backgroundAreas: 0, areas: stored.areas.map((a) => ({ ...a, level: a.publishedLevel })) };
    levelMapping = mapRiskAreaLevels(published, { ours, given: levelMap }).levelMapping;
    return new Map(levelMapping.map((m) => [m.published, m.level === background ? null : m.level]));
  });
  if (remapped === null) {
    throw new DomainError('not_found', { listId }, `No imported list has the id ${listId}: a newer import of its publisher may have replaced it; read the lists again`);
  }
  const { before, after } = remapped;
  const levelNow = new Map(after.areas.map((a) => [a.regionCode, a.level]));
  const changed = before.areas.filter((a) => levelNow.get(a.regionCode) !== a.level);
  const travellers = await travellersThroughImportedAreas(services.db, changed);
  const codes = await recomputeHealthCodes(services, travellers);
  await recordAudit(services, {
    ...audit,
    subject: `risk-list:${after.publisher}`,
    outcome: 'allowed',
    details: {
      listId,
      publisher: after.publisher,
      levelMap,
      levelMapping,
      changedAreas: changed.length,
      leftOut: before.areas.length - after.areas.length,
      persons: travellers.length,
      colourChanges: codes.changes.length,
    },
  });
  return after;
}
