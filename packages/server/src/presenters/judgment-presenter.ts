import { z } from 'zod';
import type { AppealRecord, CodeAlertRecord, OverrideRequestRecord } from '@epigrid/store';
import type { PublicRiskAreas } from '../use-cases/judgment/list-risk-areas.js';
import type { HealthCodeView } from '../use-cases/judgment/read-health-code.js';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());
const colour = z.enum(['green', 'yellow', 'red']);

/** One current risk area on the public list: no person, only how many infections are behind it. */
export const riskAreaSchema = z.object({
  regionCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  regionLevel: z.string(),
  level: z.string(),
  ruleId: z.string(),
  since: z.string(),
  dropsAt: z.string().nullable(),
  infections: z.number(),
});

/** The public list of risk areas: the format other instances import (core's publishedRiskAreaListSchema reads it). */
export const riskAreaListSchema = z.object({
  publisher: z.string(),
  publishedAt: z.string(),
  profileId: z.string().nullable(),
  unitLevel: z.string().nullable(),
  levels: z.array(z.string()),
  areas: z.array(riskAreaSchema),
});

/**
 * Presents the public list (whitelist: no case ids, no persons).
 * @param list - the list
 */
export function presentRiskAreas(list: PublicRiskAreas): z.infer<typeof riskAreaListSchema> {
  return {
    publisher: list.publisher,
    publishedAt: list.publishedAt.toISOString(),
    profileId: list.profileId,
    unitLevel: list.unitLevel,
    levels: [...list.levels],
    areas: list.areas.map((a) => ({
      regionCode: a.regionCode,
      nameZh: a.nameZh,
      nameEn: a.nameEn,
      regionLevel: a.regionLevel,
      level: a.level,
      ruleId: a.ruleId,
      since: a.since,
      dropsAt: a.dropsAt,
      infections: a.reasonCaseIds.length,
    })),
  };
}

/** A person's code with its reason, evidence and next step. */
export const healthCodeSchema = z.object({
  personId: z.number(),
  colour,
  ruleId: z.string(),
  reasonKey: z.string(),
  evidence: z.array(z.object({ source: z.string(), id: z.number() })),
  since: z.string().nullable(),
  expiresAt: z.string().nullable(),
  nextColour: colour.nullable(),
  nextCondition: z.unknown(),
  manual: z.boolean(),
  history: z.array(z.object({ fromColour: colour, toColour: colour, ruleId: z.string(), cause: z.string(), changedAt: z.string() })),
});

/**
 * Presents a code.
 * @param code - the code as read
 */
export function presentHealthCode(code: HealthCodeView): z.infer<typeof healthCodeSchema> {
  return {
    personId: code.personId,
    colour: code.colour,
    ruleId: code.ruleId,
    reasonKey: code.reasonKey,
    evidence: code.evidence.map((e) => ({ source: e.source, id: e.id })),
    since: iso(code.since),
    expiresAt: iso(code.expiresAt),
    nextColour: code.nextColour,
    nextCondition: code.nextCondition ?? null,
    manual: code.manual,
    history: code.history.map((h) => ({ fromColour: h.fromColour, toColour: h.toColour, ruleId: h.ruleId, cause: h.cause, changedAt: iso(h.changedAt)! })),
  };
}

/** An override request. */
export const overrideRequestSchema = z.object({
  id: z.number(),
  requestedByName: z.string(),
  reasonCode: z.string(),
  note: z.string(),
  targetColour: colour,
  personIds: z.array(z.number()),
  validUntil: z.string(),
  status: z.enum(['pending', 'approved', 'refused']),
  approvedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  requestedAt: z.string(),
});

/**
 * Presents an override request.
 * @param r - the stored request
 */
export function presentOverrideRequest(r: OverrideRequestRecord): z.infer<typeof overrideRequestSchema> {
  return {
    id: r.id,
    requestedByName: r.requestedByName,
    reasonCode: r.reasonCode,
    note: r.note,
    targetColour: r.targetColour,
    personIds: [...r.personIds],
    validUntil: iso(r.validUntil)!,
    status: r.status,
    approvedByName: r.approvedByName,
    decidedAt: iso(r.decidedAt),
    requestedAt: iso(r.requestedAt)!,
  };
}

/** An alert raised by the safeguards. */
export const codeAlertSchema = z.object({
  id: z.number(),
  kind: z.string(),
  actorName: z.string(),
  personIds: z.array(z.number()),
  details: z.record(z.string(), z.unknown()),
  raisedAt: z.string(),
});

/**
 * Presents an alert.
 * @param a - the stored alert
 */
export function presentCodeAlert(a: CodeAlertRecord): z.infer<typeof codeAlertSchema> {
  return { id: a.id, kind: a.kind, actorName: a.actorName, personIds: [...a.personIds], details: a.details, raisedAt: iso(a.raisedAt)! };
}

/** An appeal with its deadline and outcome. */
export const appealSchema = z.object({
  id: z.number(),
  personId: z.number(),
  filedByRole: z.string(),
  reason: z.string(),
  colourAtFiling: z.string(),
  ruleIdAtFiling: z.string(),
  filedAt: z.string(),
  deadline: z.string(),
  overdue: z.boolean(),
  status: z.enum(['open', 'upheld', 'rejected']),
  reviewerName: z.string().nullable(),
  outcome: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

/**
 * Presents an appeal.
 * @param a - the stored appeal
 */
export function presentAppeal(a: AppealRecord): z.infer<typeof appealSchema> {
  return {
    id: a.id,
    personId: a.personId,
    filedByRole: a.filedByRole,
    reason: a.reason,
    colourAtFiling: a.colourAtFiling,
    ruleIdAtFiling: a.ruleIdAtFiling,
    filedAt: iso(a.filedAt)!,
    deadline: iso(a.deadline)!,
    overdue: a.overdue,
    status: a.status,
    reviewerName: a.reviewerName,
    outcome: a.outcome,
    decidedAt: iso(a.decidedAt),
  };
}
