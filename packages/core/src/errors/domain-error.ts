import { errorCatalogue, type ErrorCode } from './error-catalogue.js';

/** Structured details of a domain error, e.g. the field and reason of a validation failure. */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/**
 * The one error type the domain throws. It carries a stable `code` from the catalogue and
 * machine-readable `details`; adapters (HTTP, CLI) turn it into their own representation.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  /**
   * @param code - stable code from the error catalogue
   * @param details - structured context (field, reason, ids)
   * @param message - human message; defaults to the catalogue's message
   */
  constructor(code: ErrorCode, details: ErrorDetails = {}, message?: string) {
    super(message ?? errorCatalogue[code].message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

/**
 * Tells whether a value is a {@link DomainError}.
 * @param error - anything caught
 */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
