import { maskPhone, maskResidentId } from '@epigrid/core';
import type { IdentifierVault } from '@epigrid/store';

const MASKED: Readonly<Record<string, (value: string) => string>> = {
  resident_id: (v) => maskResidentId(v.trim()),
  phone: (v) => maskPhone(v.trim()),
  passport: (v) => `${'*'.repeat(Math.max(0, v.length - 3))}${v.slice(-3)}`,
  _line: () => '(line not shown: it may hold identifiers)',
};

/**
 * The row with its identifiers masked, for listing dead letters without disclosing them.
 * @param raw - the row as read
 */
export function previewRow(raw: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) out[key] = value === '' || MASKED[key] === undefined ? value : MASKED[key](value);
  return out;
}

/**
 * Seals a raw row for storage (it may hold clear identifiers).
 * @param vault - identifier vault
 * @param raw - the row as read
 */
export function sealRow(vault: IdentifierVault, raw: Readonly<Record<string, string>>): string {
  return vault.encrypt(JSON.stringify(raw));
}

/**
 * Opens a sealed row.
 * @param vault - identifier vault
 * @param sealed - output of {@link sealRow}
 */
export function unsealRow(vault: IdentifierVault, sealed: string): Record<string, string> {
  return JSON.parse(vault.decrypt(sealed)) as Record<string, string>;
}
