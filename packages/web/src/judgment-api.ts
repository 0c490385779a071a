/** The risk-area, health-code, override and appeal calls of the API. */
import type { Purpose } from '@epigrid/core';
import { apiRequest } from './api-client.js';

/** A colour. */
export type Colour = 'green' | 'yellow' | 'red';

/** One current risk area (public). */
export interface RiskArea {
  readonly regionCode: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly regionLevel: string;
  readonly level: string;
  readonly ruleId: string;
  readonly since: string;
  readonly dropsAt: string | null;
  readonly infections: number;
}

/** The public list of risk areas. */
export interface RiskAreaList {
  readonly profileId: string | null;
  readonly unitLevel: string | null;
  readonly levels: readonly string[];
  readonly areas: readonly RiskArea[];
}

/** What a person must show to move on. */
export type NextCondition =
  | { readonly kind: 'evidence'; readonly input: string; readonly count: number; readonly minHoursApart: number; readonly withinDays: number | null }
  | { readonly kind: 'fact-ends' }
  | null;

/** A person's code. */
export interface HealthCode {
  readonly personId: number;
  readonly colour: Colour;
  readonly ruleId: string;
  readonly reasonKey: string;
  readonly evidence: ReadonlyArray<{ readonly source: string; readonly id: number }>;
  readonly since: string | null;
  readonly expiresAt: string | null;
  readonly nextColour: Colour | null;
  readonly nextCondition: NextCondition;
  readonly manual: boolean;
  readonly history: ReadonlyArray<{ readonly fromColour: Colour; readonly toColour: Colour; readonly ruleId: string; readonly cause: string; readonly changedAt: string }>;
}

/** An appeal. */
export interface Appeal {
  readonly id: number;
  readonly personId: number;
  readonly filedByRole: string;
  readonly reason: string;
  readonly colourAtFiling: string;
  readonly ruleIdAtFiling: string;
  readonly filedAt: string;
  readonly deadline: string;
  readonly overdue: boolean;
  readonly status: 'open' | 'upheld' | 'rejected';
  readonly reviewerName: string | null;
  readonly outcome: string | null;
  readonly decidedAt: string | null;
}

/** A manual colour change request. */
export interface OverrideRequest {
  readonly id: number;
  readonly requestedByName: string;
  readonly reasonCode: string;
  readonly note: string;
  readonly targetColour: Colour;
  readonly personIds: readonly number[];
  readonly validUntil: string;
  readonly status: 'pending' | 'approved' | 'refused';
  readonly approvedByName: string | null;
  readonly decidedAt: string | null;
  readonly requestedAt: string;
}

/** An alert raised by the safeguards. */
export interface CodeAlert {
  readonly id: number;
  readonly kind: string;
  readonly actorName: string;
  readonly personIds: readonly number[];
  readonly raisedAt: string;
}

/** The current risk areas; needs no sign-in. */
export function fetchRiskAreas(): Promise<RiskAreaList> {
  return apiRequest<RiskAreaList>('/api/risk-areas', { session: false });
}

/**
 * A person's code, read for a declared purpose.
 * @param personId - the person
 * @param purpose - declared purpose
 */
export function fetchHealthCode(personId: number, purpose: Purpose): Promise<HealthCode> {
  return apiRequest<HealthCode>(`/api/health-codes/${encodeURIComponent(String(personId))}`, { purpose });
}

/** The signed-in member of the public's own code. */
export function fetchMyHealthCode(): Promise<HealthCode> {
  return apiRequest<HealthCode>('/api/me/health-code');
}

/**
 * Appeals the user may see.
 * @param openOnly - only open ones
 */
export async function fetchAppeals(openOnly: boolean): Promise<readonly Appeal[]> {
  return (await apiRequest<{ items: readonly Appeal[] }>(`/api/appeals?open=${openOnly}`)).items;
}

/**
 * Files an appeal.
 * @param personId - the person (omitted for one's own code)
 * @param reason - why the colour is wrong
 */
export function fileAppeal(personId: number | undefined, reason: string): Promise<Appeal> {
  return apiRequest<Appeal>('/api/appeals', { method: 'POST', body: { ...(personId === undefined ? {} : { personId }), reason } });
}

/**
 * Decides an appeal.
 * @param id - the appeal
 * @param status - upheld or rejected
 * @param outcome - the outcome in words
 */
export function decideAppeal(id: number, status: 'upheld' | 'rejected', outcome: string): Promise<Appeal> {
  return apiRequest<Appeal>(`/api/appeals/${id}/decide`, { method: 'POST', body: { status, outcome } });
}

/** Override requests and alerts of the jurisdiction. */
export function fetchOverrides(): Promise<{ requests: readonly OverrideRequest[]; alerts: readonly CodeAlert[] }> {
  return apiRequest('/api/code-overrides');
}

/** The closed list of reason codes. */
export async function fetchReasonCodes(): Promise<readonly string[]> {
  return (await apiRequest<{ reasonCodes: readonly string[] }>('/api/code-overrides/reasons', { session: false })).reasonCodes;
}

/**
 * Asks for a manual colour change.
 * @param input - persons, colour, reason code, note, days
 */
export function requestOverride(input: { personIds: readonly number[]; targetColour: Colour; reasonCode: string; note: string; validDays: number }): Promise<OverrideRequest> {
  return apiRequest<OverrideRequest>('/api/code-overrides', { method: 'POST', body: input });
}

/**
 * Approves or refuses someone else's request.
 * @param id - the request
 * @param decision - approve or refuse
 */
export function decideOverride(id: number, decision: 'approve' | 'refuse'): Promise<{ request: OverrideRequest; changes: number }> {
  return apiRequest(`/api/code-overrides/${id}/${decision}`, { method: 'POST' });
}

/** An imported risk area: at this instance's level, with the level as its publisher named it. */
export interface ImportedRiskArea extends RiskArea {
  readonly publishedLevel: string;
}

/** How one level of an imported list was read as this instance's. */
export interface LevelMappingEntry {
  /** The publisher's name. */
  readonly published: string;
  /** This instance's level. */
  readonly level: string;
  /** Named by the importer, the same name, the same rank, or kept (no area rule in force here). */
  readonly match: 'given' | 'same-name' | 'rank' | 'as-published';
  readonly areas: number;
}

/** A list of current risk areas imported from another jurisdiction, with where and when it came from. */
export interface ImportedRiskList {
  /** For changing its level mapping. */
  readonly id: number;
  readonly publisher: string;
  /** File name or URL it was read from. */
  readonly source: string;
  readonly profileId: string | null;
  readonly unitLevel: string | null;
  /** The publisher's levels, highest first; empty for a CSV. */
  readonly levels: readonly string[];
  readonly publishedAt: string | null;
  readonly importedBy: string;
  readonly importedAt: string;
  readonly areas: readonly ImportedRiskArea[];
}

/** What an import did. */
export interface RiskListImportResult {
  readonly publisher: string;
  readonly publishedAt: string | null;
  readonly areas: number;
  /** Areas at the publisher's background level, left out. */
  readonly backgroundAreas: number;
  /** How each level of the list was read as this instance's. */
  readonly levelMapping: readonly LevelMappingEntry[];
  /** Whether it replaced an earlier list of the same publisher. */
  readonly replaced: boolean;
  /** Travellers re-judged at once. */
  readonly persons: number;
  readonly colourChanges: number;
}

/**
 * The body of an import: the published JSON or CSV, its source, the publisher to store it under, and
 * the publisher's level names mapped to this instance's where the names and ranks do not say.
 */
export type RiskListImport = { readonly publisher?: string; readonly source: string; readonly levelMap?: Readonly<Record<string, string>> } & (
  | { readonly list: unknown }
  | { readonly csv: string }
);

/** The lists imported from other jurisdictions (ability `risk-area.import`). */
export async function fetchImportedRiskLists(): Promise<readonly ImportedRiskList[]> {
  return (await apiRequest<{ items: readonly ImportedRiskList[] }>('/api/risk-areas/imports')).items;
}

/**
 * Imports another jurisdiction's list, replacing that publisher's earlier one.
 * @param body - the list, its source and publisher
 */
export function importRiskList(body: RiskListImport): Promise<RiskListImportResult> {
  return apiRequest<RiskListImportResult>('/api/risk-areas/imports', { method: 'POST', body });
}

/**
 * Changes the level mapping of a stored imported list in place; its travellers are judged again.
 * @param id - the list's id
 * @param levelMap - the publisher's level names → this instance's
 * @returns the list as stored afterwards
 */
export function remapRiskList(id: number, levelMap: Readonly<Record<string, string>>): Promise<ImportedRiskList> {
  return apiRequest<ImportedRiskList>(`/api/risk-areas/imports/${id}/levels`, { method: 'PUT', body: { levelMap } });
}
