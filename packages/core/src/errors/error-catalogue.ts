/**
 * The catalogue of stable error codes. Every failure EpiGrid reports to a client or an operator
 * carries one of these codes; the HTTP layer maps it to a status with {@link errorStatus}.
 */
export const errorCatalogue = {
  validation_failed: { status: 400, message: 'The request is not valid', reportable: false },
  invalid_resident_id: { status: 400, message: 'The resident ID number is not valid', reportable: false },
  purpose_required: { status: 400, message: 'A declared purpose is required to read personal data', reportable: false },
  unauthenticated: { status: 401, message: 'Sign in first', reportable: false },
  invalid_credentials: { status: 401, message: 'Unknown user name or wrong password', reportable: false },
  session_expired: { status: 401, message: 'The session has expired; sign in again', reportable: false },
  forbidden: { status: 403, message: 'Your role may not do this', reportable: false },
  outside_jurisdiction: { status: 403, message: 'The record is outside your jurisdiction', reportable: false },
  unreadable_file: { status: 400, message: 'The file cannot be read', reportable: false },
  idempotency_key_required: { status: 400, message: 'An Idempotency-Key header is required', reportable: false },
  federation_refused: { status: 403, message: 'The message is not signed by a known peer, or not addressed to this instance', reportable: false },
  not_found: { status: 404, message: 'Not found', reportable: false },
  conflict: { status: 409, message: 'The record already exists', reportable: false },
  two_person_rule: { status: 403, message: 'A second, different authorised user must approve this change', reportable: false },
  unlinked_bulk_change: { status: 422, message: 'Refused: the change touches people with no epidemiological link to any case', reportable: true },
  invalid_place_code: { status: 400, message: 'The place code is not a valid, trusted EpiGrid place code', reportable: false },
  not_a_pass_holder: { status: 404, message: 'This login is not linked to a person, so it holds no pass', reportable: false },
  colour_lapsed: { status: 409, message: 'The colour has lapsed and is being judged again; try again shortly', reportable: false },
  rate_limited: { status: 429, message: 'Too many attempts; wait and try again', reportable: false },
  config_invalid: { status: 500, message: 'The configuration is not valid', reportable: true },
  audit_chain_broken: { status: 500, message: 'The audit log failed verification', reportable: true },
  internal: { status: 500, message: 'Internal error', reportable: true },
} as const satisfies Record<string, ErrorDefinition>;

/** How one error code is presented: HTTP status, default message, and whether operators are alerted. */
export interface ErrorDefinition {
  readonly status: number;
  readonly message: string;
  readonly reportable: boolean;
}

/** A stable error code from {@link errorCatalogue}. */
export type ErrorCode = keyof typeof errorCatalogue;

/**
 * Maps an error code to its HTTP status.
 * @param code - a catalogue code
 * @returns the HTTP status code
 */
export function errorStatus(code: ErrorCode): number {
  return errorCatalogue[code].status;
}
