import { z } from 'zod';
import type { ImportedRiskList } from '@epigrid/store';
import type { ImportedRiskAreaList } from '../use-cases/judgment/import-risk-area-list.js';

/** What an import of another jurisdiction's risk-area list did. */
export const importedRiskAreaListSchema = z.object({
  publisher: z.string(),
  publishedAt: z.string().nullable(),
  areas: z.number(),
  backgroundAreas: z.number(),
  /** How each level the risk areas carry maps to this instance's (match: given, same-name, rank, as-published). */
  levelMapping: z.array(z.object({ published: z.string(), level: z.string(), match: z.enum(['given', 'same-name', 'rank', 'as-published']), areas: z.number() })),
  replaced: z.boolean(),
  persons: z.number(),
  colourChanges: z.number(),
});

/**
 * Presents an import's outcome.
 * @param result - the use case's result
 */
export function presentImportedRiskAreaList(result: ImportedRiskAreaList): z.infer<typeof importedRiskAreaListSchema> {
  return {
    publisher: result.publisher,
    publishedAt: result.publishedAt,
    areas: result.areas,
    backgroundAreas: result.backgroundAreas,
    levelMapping: result.levelMapping.map((m) => ({ published: m.published, level: m.level, match: m.match, areas: m.areas })),
    replaced: result.replaced,
    persons: result.persons,
    colourChanges: result.colourChanges,
  };
}

/** An imported list with its provenance and areas (public data: areas and counts, no person). */
export const importedRiskListSchema = z.object({
  /** For changing its level mapping (`PUT /api/risk-areas/imports/:id/levels`). */
  id: z.number(),
  publisher: z.string(),
  source: z.string(),
  profileId: z.string().nullable(),
  unitLevel: z.string().nullable(),
  levels: z.array(z.string()),
  publishedAt: z.string().nullable(),
  importedBy: z.string(),
  importedAt: z.string(),
  areas: z.array(
    z.object({
      regionCode: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      regionLevel: z.string(),
      /** This instance's level, which the colour rules read. */
      level: z.string(),
      /** The level as the publisher named it. */
      publishedLevel: z.string(),
      ruleId: z.string(),
      since: z.string(),
      dropsAt: z.string().nullable(),
      infections: z.number(),
    }),
  ),
});

/**
 * Presents an imported list (whitelist).
 * @param list - the stored list
 */
export function presentImportedRiskList(list: ImportedRiskList): z.infer<typeof importedRiskListSchema> {
  return {
    id: list.id,
    publisher: list.publisher,
    source: list.source,
    profileId: list.profileId,
    unitLevel: list.unitLevel,
    levels: [...list.levels],
    publishedAt: list.publishedAt === null ? null : list.publishedAt.toISOString(),
    importedBy: list.importedBy,
    importedAt: list.importedAt.toISOString(),
    areas: list.areas.map((a) => ({
      regionCode: a.regionCode,
      nameZh: a.nameZh,
      nameEn: a.nameEn,
      regionLevel: a.regionLevel,
      level: a.level,
      publishedLevel: a.publishedLevel,
      ruleId: a.ruleId,
      since: a.since,
      dropsAt: a.dropsAt,
      infections: a.infections,
    })),
  };
}
