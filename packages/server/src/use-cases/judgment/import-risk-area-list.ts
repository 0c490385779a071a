import { can, DomainError, mapRiskAreaLevels, readPublishedRiskAreas, type Actor, type LevelMappingEntry } from '@epigrid/core';
import { replaceImportedRiskList, travellersThroughImportedAreas } from '@epigrid/store';
import type { Services } from '../../services.js';
import { recordAudit } from '../record-audit.js';
import { judgmentRules } from './judgment-rules.js';
import { recomputeHealthCodes } from './recompute-health-codes.js';
import { riskAreaListFromCsv } from './risk-area-list-csv.js';

const AUDITED_AREAS = 500;

/** What to import: the published JSON or CSV, where it came from, and under which publisher. */
export interface RiskAreaListInput {
  /** The list as JSON (`GET /api/risk-areas` of the publisher), already parsed. */
  readonly list?: unknown;
  /** Or the list as CSV (`GET /api/risk-areas.csv`). */
  readonly csv?: string;
  /** Publisher to store it under; required for a CSV and for a JSON list that names none. */
  readonly publisher?: string | undefined;
  /**
   * The publisher's level names → this instance's, where neither the names nor the ranks of the two
   * rules' levels say it (a CSV gives no levels); wins over both.
   */
  readonly levelMap?: Readonly<Record<string, string>> | undefined;
  /** File name or URL it was read from, kept with the list. */
  readonly source: string;
}

/** What an import did. */
export interface ImportedRiskAreaList {
  readonly publisher: string;
  readonly publishedAt: string | null;
  readonly areas: number;
  readonly backgroundAreas: number;
  /** How each level the risk areas carry maps to this instance's. */
  readonly levelMapping: readonly LevelMappingEntry[];
  /** Whether it replaced an earlier list of the same publisher. */
  readonly replaced: boolean;
  /** Travellers through stations of the old or new areas, re-judged at once. */
  readonly persons: number;
  readonly colourChanges: number;
}

/**
 * Imports another jurisdiction's list of current risk areas (a peer's, or the national list written
 * the same way): validated, its levels mapped to this instance's (a level that maps to none is
 * refused, the stored list left as it was), stored in place of the publisher's earlier list (an older
 * one is refused), and the travellers through stations of the areas it adds or removes are re-judged
 * at once. A list under this instance's own id is refused: its own areas come from its own rules.
 * Audited, with the level mapping used.
 * @param services - application services
 * @param actor - a user with `risk-area.import`
 * @param input - the list and where it came from
 */
export async function importRiskAreaList(services: Services, actor: Actor, input: RiskAreaListInput): Promise<ImportedRiskAreaList> {
  const audit = { actor, action: 'risk-area.import', purpose: 'system' } as const;
  if (!can(actor, 'risk-area.import')) {
    await recordAudit(services, { ...audit, subject: null, outcome: 'refused', details: { reason: 'forbidden', source: input.source } });
    throw new DomainError('forbidden', { ability: 'risk-area.import' });
  }
  if ((input.list === undefined) === (input.csv === undefined)) throw new DomainError('validation_failed', { field: 'list', reason: 'give the list either as JSON or as CSV' });
  const document = input.csv === undefined ? input.list : await riskAreaListFromCsv(input.csv);
  const read = readPublishedRiskAreas(document, { publisher: input.publisher });
  if (read.publisher === services.config.federation.instanceId) {
    throw new DomainError('validation_failed', { field: 'publisher', reason: `${read.publisher} is this instance's own id; its risk areas come from its own rules` });
  }
  const list = mapRiskAreaLevels(read, { ours: judgmentRules(services).areas?.model.levels ?? [], given: input.levelMap });
  const outcome = await replaceImportedRiskList(services.db, {
    publisher: list.publisher,
    source: input.source,
    profileId: list.profileId,
    unitLevel: list.unitLevel,
    levels: list.levels,
    publishedAt: list.publishedAt === null ? null : new Date(list.publishedAt),
    importedBy: actor.username,
    importedAt: services.now(),
    areas: list.areas,
  });
  const subject = `risk-list:${list.publisher}`;
  if (outcome.kind === 'stale') {
    const stored = outcome.storedPublishedAt.toISOString();
    await recordAudit(services, { ...audit, subject, outcome: 'refused', details: { reason: 'stale', source: input.source, publishedAt: list.publishedAt, storedPublishedAt: stored } });
    throw new DomainError('conflict', { field: 'publishedAt', reason: `the stored list of ${list.publisher} was published later (${stored})` }, `A newer list of ${list.publisher} is already imported (published ${stored})`);
  }
  const travellers = await travellersThroughImportedAreas(services.db, [...(outcome.previous?.areas ?? []), ...list.areas]);
  const codes = await recomputeHealthCodes(services, travellers);
  const result: ImportedRiskAreaList = {
    publisher: list.publisher,
    publishedAt: list.publishedAt,
    areas: list.areas.length,
    backgroundAreas: list.backgroundAreas,
    levelMapping: list.levelMapping,
    replaced: outcome.previous !== null,
    persons: travellers.length,
    colourChanges: codes.changes.length,
  };
  await recordAudit(services, {
    ...audit,
    subject,
    outcome: 'allowed',
    details: {
      ...result,
      source: input.source,
      // The list itself is stored; the entry names its areas unless it is a large (national) list.
      ...(list.areas.length <= AUDITED_AREAS
        ? { levels: list.areas.map((a) => ({ area: a.regionCode, level: a.level, ...(a.publishedLevel === a.level ? {} : { publishedLevel: a.publishedLevel }), since: a.since, dropsAt: a.dropsAt })) }
        : {}),
    },
  });
  return result;
}
