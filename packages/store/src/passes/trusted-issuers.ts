import type { SqlClient } from '../db/sql-client.js';

/** A peer jurisdiction's trust list as imported (the document is kept as received, after validation). */
export interface TrustedIssuer {
  readonly jurisdiction: string;
  readonly document: unknown;
  readonly importedBy: string;
  readonly importedAt: Date;
}

/**
 * Stores (or replaces) the trust list of a peer jurisdiction.
 * @param db - database
 * @param issuer - the peer's jurisdiction code, its document, who imported it and when
 */
export async function saveTrustedIssuer(db: SqlClient, issuer: TrustedIssuer): Promise<void> {
  await db.query(
    `INSERT INTO trusted_issuer (jurisdiction, document, imported_by, imported_at) VALUES ($1, $2::jsonb, $3, $4)
     ON CONFLICT (jurisdiction) DO UPDATE SET document = EXCLUDED.document, imported_by = EXCLUDED.imported_by, imported_at = EXCLUDED.imported_at`,
    [issuer.jurisdiction, JSON.stringify(issuer.document), issuer.importedBy, issuer.importedAt.toISOString()],
  );
}

/**
 * Every imported peer trust list, by jurisdiction code.
 * @param db - database
 */
export async function listTrustedIssuers(db: SqlClient): Promise<TrustedIssuer[]> {
  const result = await db.query<{ jurisdiction: string; document: unknown; importedBy: string; importedAt: Date | string }>(
    `SELECT jurisdiction, document, imported_by AS "importedBy", imported_at AS "importedAt" FROM trusted_issuer ORDER BY jurisdiction`,
  );
  return result.rows.map((r) => ({ ...r, importedAt: new Date(r.importedAt) }));
}
