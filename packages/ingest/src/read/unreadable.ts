import { DomainError } from '@epigrid/core';

/**
 * The error of a file that cannot be read past some point: names the line and says why.
 * @param line - 1-based line (or spreadsheet row)
 * @param reason - words for people
 */
export function unreadable(line: number, reason: string): DomainError {
  return new DomainError('unreadable_file', { line, reason }, `line ${line}: ${reason}`);
}
