import { z } from 'zod';
import type { RegionNode } from '@epigrid/store';

/** The fields of a region node a client receives. */
export const regionNodeSchema = z.object({
  id: z.number(),
  code: z.string(),
  level: z.string(),
  depth: z.number(),
  nameZh: z.string(),
  nameEn: z.string(),
  population: z.number(),
  personCount: z.number(),
  childCount: z.number(),
  parentId: z.number().nullable(),
  polygon: z.unknown(),
});

/**
 * Presents a region node.
 * @param node - stored node with counts
 */
export function presentRegion(node: RegionNode): z.infer<typeof regionNodeSchema> {
  return regionNodeSchema.parse(node);
}
