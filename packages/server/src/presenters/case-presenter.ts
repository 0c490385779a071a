import { z } from 'zod';
import type { CaseRecord, TracedContactRecord } from '@epigrid/store';

/** A case as the client sees it. */
export const caseSchema = z.object({
  id: z.number(),
  reportId: z.string(),
  personId: z.number(),
  personName: z.string(),
  classification: z.string(),
  onsetDate: z.string().nullable(),
  samplingDate: z.string(),
  reportTime: z.string(),
  isolatedTime: z.string().nullable(),
  imported: z.boolean(),
  tracedAt: z.string().nullable(),
});

/** A traced contact with its evidence; no personal data when outside the reader's jurisdiction. */
export const tracedContactSchema = z.object({
  personId: z.number(),
  personName: z.string().nullable(),
  gridName: z.string().nullable(),
  withinJurisdiction: z.boolean(),
  kind: z.enum(['close', 'sub-close', 'companion']),
  viaPersonId: z.number().nullable(),
  profileId: z.string(),
  ruleIds: z.array(z.string()),
  evidence: z.array(z.record(z.string(), z.unknown())),
  firstExposure: z.string(),
  lastExposure: z.string(),
  management: z.unknown(),
  listedAt: z.string(),
});

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * Presents a case.
 * @param record - stored case
 */
export function presentCase(record: CaseRecord): z.infer<typeof caseSchema> {
  return caseSchema.parse({
    ...record,
    reportTime: iso(record.reportTime),
    isolatedTime: iso(record.isolatedTime),
    tracedAt: iso(record.tracedAt),
  });
}

/**
 * Presents a traced contact.
 * @param contact - stored contact
 */
export function presentContact(contact: TracedContactRecord): z.infer<typeof tracedContactSchema> {
  // Someone living elsewhere is handled by their own jurisdiction: no evidence about them leaves here.
  const shared = contact.withinJurisdiction ? contact : { ...contact, evidence: [], management: null, ruleIds: [] };
  return tracedContactSchema.parse({
    ...shared,
    firstExposure: iso(contact.firstExposure),
    lastExposure: iso(contact.lastExposure),
    listedAt: iso(contact.listedAt),
  });
}
