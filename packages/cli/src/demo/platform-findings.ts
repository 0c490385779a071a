import type { FoundCase, TracedContact } from '@epigrid/sim';
import { createIdentifierVault } from '@epigrid/store';
import type { Opened } from '../open-configured.js';

/**
 * Reads what the platform found from its database, in the simulator's terms (resident IDs): the
 * case reports it holds and the contacts it traced for them.
 * @param opened - configured database
 */
export async function readPlatformFindings(opened: Opened): Promise<{ cases: FoundCase[]; contacts: TracedContact[] }> {
  const vault = createIdentifierVault(opened.secret);
  const cases = await opened.db.query<{ cipher: string; reportedAt: Date; samplingDate: string; onsetDate: string | null }>(
    `SELECT p.id_number_cipher AS cipher, min(c.report_time) AS "reportedAt", min(c.sampling_date) AS "samplingDate",
            min(c.onset_date) AS "onsetDate"
     FROM case_report c JOIN person p ON p.id = c.person_id
     WHERE c.classification IN ('confirmed', 'asymptomatic') AND p.id_number_cipher IS NOT NULL
     GROUP BY p.id_number_cipher`,
  );
  const contacts = await opened.db.query<{ caseCipher: string; contactCipher: string; listedAt: Date }>(
    `SELECT cp.id_number_cipher AS "caseCipher", p.id_number_cipher AS "contactCipher", min(tc.listed_at) AS "listedAt"
     FROM traced_contact tc
     JOIN case_report c ON c.id = tc.case_report_id JOIN person cp ON cp.id = c.person_id
     JOIN person p ON p.id = tc.person_id
     WHERE tc.kind IN ('close', 'sub-close') AND cp.id_number_cipher IS NOT NULL AND p.id_number_cipher IS NOT NULL
     GROUP BY cp.id_number_cipher, p.id_number_cipher`,
  );
  return {
    cases: cases.rows.map((r) => ({
      residentId: vault.decrypt(r.cipher),
      reportedAt: new Date(r.reportedAt).toISOString(),
      samplingDate: r.samplingDate,
      onsetDate: r.onsetDate,
    })),
    contacts: contacts.rows.map((r) => ({
      caseResidentId: vault.decrypt(r.caseCipher),
      contactResidentId: vault.decrypt(r.contactCipher),
      listedAt: new Date(r.listedAt).toISOString(),
    })),
  };
}
