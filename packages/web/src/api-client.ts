/**
 * The EpiGrid HTTP API as the web app uses it: typed calls, the session token (kept in
 * sessionStorage), the declared purpose header, and uniform errors.
 */
import type { IdentityReview, ReviewDecision } from './review-types.js';
import type { HouseholdMember, PersonRecord, PersonSummary, Purpose, Role } from '@epigrid/core';
import type { CaseDetail, CaseReport, ChainReport, TraceResult } from './case-types.js';

/** The signed-in user (`GET /api/me`). */
export interface Me {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly regionId: number;
  readonly regionPath: string;
  readonly regionNameZh: string;
  readonly regionNameEn: string;
  readonly abilities: readonly string[];
}

/** A node of the region tree as the API returns it. */
export interface RegionNode {
  readonly id: number;
  readonly code: string;
  readonly level: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly population: number;
  readonly personCount: number;
  readonly childCount: number;
  readonly parentId: number | null;
  readonly polygon: unknown;
}

/** One page of person search results. */
export interface PersonSearchPage {
  readonly items: readonly PersonSummary[];
  /** Matches, capped by the server (see totalExact). */
  readonly total: number;
  /** False when there are more matches than the server counts. */
  readonly totalExact: boolean;
}

/** A person's record with identifiers clear or masked as the server decided, plus the household. */
export interface PersonView extends PersonRecord {
  readonly householdMembers: readonly HouseholdMember[];
}

/** One demo login shown on the sign-in page. */
export interface DemoLogin {
  readonly username: string;
  readonly role: Role;
  readonly regionNameZh: string;
  readonly regionNameEn: string;
}

/** What `GET /api/demo` tells about demo mode. */
export type DemoInfo =
  | { readonly demo: true; readonly password: string; readonly logins: readonly DemoLogin[] }
  | { readonly demo: false };

/** A successful sign-in. */
export interface LoginResult {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: Me;
}

/** Parameters of a person search. */
export interface PersonSearchQuery {
  readonly q: string;
  readonly purpose: Purpose;
  readonly regionId: number | null;
  readonly limit: number;
  readonly offset: number;
}

/** A failed API call: HTTP status (0 when the server could not be reached) and the stable error code. */
export class ApiError extends Error {
  /** HTTP status, or 0 for a network failure. */
  readonly status: number;
  /** Stable error code from the server's error catalogue, or `network` / `http_<status>`. */
  readonly code: string;
  /** Extra details the server attached, if any. */
  readonly details: unknown;

  /**
   * @param status - HTTP status, 0 for a network failure
   * @param code - stable error code
   * @param message - human-readable message from the server
   * @param details - optional details from the server
   */
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

const tokenKey = 'epigrid.token';
const sessionEndCodes = new Set(['session_expired', 'unauthenticated']);
const sessionEndListeners = new Set<(code: string) => void>();

/** The stored session token, or null when signed out. */
export function getToken(): string | null {
  try {
    return sessionStorage.getItem(tokenKey);
  } catch {
    return null;
  }
}

function storeToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(tokenKey);
    else sessionStorage.setItem(tokenKey, token);
  } catch {
    // Storage may be unavailable (private mode); the session then lasts until reload.
  }
}

/**
 * Registers a listener called when the server ends the session (401 `session_expired` or `unauthenticated`).
 * @param listener - receives the error code
 * @returns a function that removes the listener
 */
export function onSessionEnd(listener: (code: string) => void): () => void {
  sessionEndListeners.add(listener);
  return () => {
    sessionEndListeners.delete(listener);
  };
}

/** Options of one API call. */
export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT';
  readonly body?: unknown;
  /** A body sent as it is (a file), with its content type; takes the place of `body`. */
  readonly raw?: { readonly data: Blob; readonly contentType: string };
  /** Further request headers, e.g. `Idempotency-Key`. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly purpose?: Purpose;
  /** Whether a 401 means the session ended (false for the sign-in call itself). */
  readonly session?: boolean;
}

function errorFromBody(status: number, statusText: string, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message = typeof error?.message === 'string' ? error.message : statusText || `HTTP ${status}`;
  return new ApiError(status, code, message, error?.details);
}

/**
 * Calls the API with the session token and the declared purpose; errors become {@link ApiError}.
 * @param path - API path with its query
 * @param options - method, JSON or raw body, headers, purpose, session handling
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (options.purpose !== undefined) headers['X-Purpose'] = options.purpose;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.raw !== undefined) headers['Content-Type'] = options.raw.contentType;
  Object.assign(headers, options.headers);
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.raw?.data ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown = null;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    const error = errorFromBody(response.status, response.statusText, body);
    if (response.status === 401 && options.session !== false && sessionEndCodes.has(error.code)) {
      storeToken(null);
      for (const listener of sessionEndListeners) listener(error.code);
    }
    throw error;
  }
  return body as T;
}

/**
 * Signs in and stores the session token.
 * @param username - user name
 * @param password - password
 */
export async function login(username: string, password: string): Promise<LoginResult> {
  const result = await request<LoginResult>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
    session: false,
  });
  storeToken(result.token);
  return result;
}

/** Signs out on the server (best effort) and forgets the token. */
export async function logout(): Promise<void> {
  try {
    if (getToken() !== null) await request<void>('/api/auth/logout', { method: 'POST', session: false });
  } catch {
    // The session is forgotten locally whatever the server answered.
  } finally {
    storeToken(null);
  }
}

/** The signed-in user. */
export function fetchMe(): Promise<Me> {
  return request<Me>('/api/me');
}

/**
 * One region node.
 * @param id - region id
 */
export function fetchRegion(id: number): Promise<RegionNode> {
  return request<RegionNode>(`/api/regions/${encodeURIComponent(String(id))}`);
}

/**
 * The children of a region node.
 * @param id - parent region id
 */
export async function fetchRegionChildren(id: number): Promise<readonly RegionNode[]> {
  const page = await request<{ items: readonly RegionNode[] }>(`/api/regions/${encodeURIComponent(String(id))}/children`);
  return page.items;
}

/**
 * Searches persons within the jurisdiction for a declared purpose.
 * @param query - search text, purpose, optional region filter and paging
 */
export function searchPersons(query: PersonSearchQuery): Promise<PersonSearchPage> {
  const params = new URLSearchParams({ q: query.q, limit: String(query.limit), offset: String(query.offset) });
  if (query.regionId !== null) params.set('regionId', String(query.regionId));
  return request<PersonSearchPage>(`/api/persons?${params.toString()}`, { purpose: query.purpose });
}

/**
 * Reads one person's record for a declared purpose.
 * @param id - person id
 * @param purpose - declared purpose of the read
 */
export function fetchPerson(id: number, purpose: Purpose): Promise<PersonView> {
  return request<PersonView>(`/api/persons/${encodeURIComponent(String(id))}`, { purpose });
}

/** Whether the server runs in demo mode, with the demo logins if so. */
export function fetchDemo(): Promise<DemoInfo> {
  return request<DemoInfo>('/api/demo', { session: false });
}

/** Parameters of a case list read. */
export interface CaseListQuery {
  readonly purpose: Purpose;
  readonly limit: number;
  readonly offset: number;
}

/**
 * Lists the cases of the jurisdiction, newest report first.
 * @param query - declared purpose and paging
 */
export async function fetchCases(query: CaseListQuery): Promise<readonly CaseReport[]> {
  const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
  const page = await request<{ items: readonly CaseReport[] }>(`/api/cases?${params.toString()}`, { purpose: query.purpose });
  return page.items;
}

/**
 * Reads a case and its traced contacts with their evidence.
 * @param id - case report row id
 * @param purpose - declared purpose of the read
 */
export function fetchCase(id: number, purpose: Purpose): Promise<CaseDetail> {
  return request<CaseDetail>(`/api/cases/${encodeURIComponent(String(id))}`, { purpose });
}

/**
 * Traces a case (again) with the active protocol profile (needs the `person.write` ability).
 * @param id - case report row id
 */
export function traceCase(id: number): Promise<TraceResult> {
  return request<TraceResult>(`/api/cases/${encodeURIComponent(String(id))}/trace`, { method: 'POST' });
}

/** A contact named by a field investigator (`POST /api/cases/:id/contacts`); times are ISO with an offset. */
export interface InvestigatorContactInput {
  readonly personId: number;
  /** Reference of the investigation record, e.g. the interview note id. */
  readonly reference: string;
  readonly from: string;
  readonly to: string;
  readonly note?: string;
}

/** What adding an investigator contact returns: whether it was new, and the counts of the fresh trace. */
export interface InvestigatorContactResult extends TraceResult {
  readonly added: boolean;
}

/**
 * Adds a close contact named by a field investigator; the server traces the case again (needs `person.write`).
 * @param caseId - case report row id
 * @param contact - the person, the investigation reference, the exposure and an optional note
 */
export function addInvestigatorContact(caseId: number, contact: InvestigatorContactInput): Promise<InvestigatorContactResult> {
  return request<InvestigatorContactResult>(`/api/cases/${encodeURIComponent(String(caseId))}/contacts`, { method: 'POST', body: contact });
}

/**
 * Transmission chains, ranked candidate infectors and clusters of the jurisdiction.
 * @param purpose - declared purpose of the read (the report names the cases' persons)
 */
export function fetchChains(purpose: Purpose): Promise<ChainReport> {
  return request<ChainReport>('/api/chains', { purpose });
}

/** State of the demo outbreak running on the server. */
export interface DemoRunState {
  readonly daysDone: number;
  readonly days: number;
  readonly lastDate: string | null;
  readonly running: boolean;
  readonly paused: boolean;
  readonly finished: boolean;
  readonly busy: boolean;
  readonly totals: { readonly infections: number; readonly reportedCases: number; readonly restrictions: number };
}

/** Reads the demo outbreak's state; null when the server runs none. */
export async function fetchDemoRun(): Promise<DemoRunState | null> {
  try {
    return await request<DemoRunState>('/api/demo/run');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * Steers the demo outbreak.
 * @param action - pause, resume, step (one day now) or reset (day 0, outbreak data cleared)
 */
export function controlDemoRun(action: 'pause' | 'resume' | 'step' | 'reset'): Promise<DemoRunState> {
  return request<DemoRunState>(`/api/demo/run/${action}`, { method: 'POST' });
}

/**
 * Calls an API path with the session token, the purpose header and the uniform errors; feature
 * modules (risk areas, health codes) build their calls on it.
 * @param path - API path with query
 * @param options - method, body, headers, purpose
 */
export function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>(path, options);
}

/**
 * Open identity reviews of the jurisdiction, both persons side by side (identifiers masked).
 */
export async function fetchIdentityReviews(): Promise<readonly IdentityReview[]> {
  return (await request<{ reviews: readonly IdentityReview[] }>('/api/identity-reviews')).reviews;
}

/**
 * Decides a review: `link` merges the records into the registered candidate, `new` keeps them apart.
 * @param id - review id
 * @param decision - link or new
 */
export async function decideIdentityReview(id: number, decision: ReviewDecision): Promise<void> {
  await request<unknown>(`/api/identity-reviews/${encodeURIComponent(String(id))}/decision`, { method: 'POST', body: { decision } });
}
