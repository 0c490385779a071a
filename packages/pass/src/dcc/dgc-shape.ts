// A structural check of an EU DGC against the rules of the DCC JSON schema (1.x) that matter to a
// verifier: the holder's name and birth date, and exactly one statement (vaccination, test or
// recovery) with its required fields. Not a general JSON Schema validator.

const required: Record<'v' | 't' | 'r', readonly string[]> = {
  v: ['tg', 'vp', 'mp', 'ma', 'dn', 'sd', 'dt', 'co', 'is', 'ci'],
  t: ['tg', 'tt', 'sc', 'tr', 'co', 'is', 'ci'],
  r: ['tg', 'fr', 'co', 'is', 'df', 'du', 'ci'],
};

/**
 * What is wrong with a DGC, as plain-words problems naming the field; empty when it is well formed.
 * @param dgc - the decoded DGC (JSON)
 */
export function dgcSchemaProblems(dgc: unknown): string[] {
  if (dgc === null || typeof dgc !== 'object' || Array.isArray(dgc)) return ['the DGC is not an object'];
  const doc = dgc as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof doc.ver !== 'string' || !/^\d+\.\d+\.\d+$/.test(doc.ver)) problems.push('ver: missing or not a version x.y.z');
  if (typeof doc.dob !== 'string' || !/^((19|20)\d\d(-\d\d){0,2})?$/.test(doc.dob)) problems.push('dob: missing or not a date');
  const nam = doc.nam as Record<string, unknown> | undefined;
  if (nam === null || typeof nam !== 'object') problems.push('nam: missing');
  else if (typeof nam.fnt !== 'string' || !/^[A-Z<]{1,50}$/.test(nam.fnt)) problems.push('nam.fnt: missing or not an ICAO 9303 transliteration');
  const statements = (['v', 't', 'r'] as const).filter((k) => doc[k] !== undefined);
  if (statements.length !== 1) problems.push(`exactly one of v, t, r is required, found ${statements.length}`);
  for (const kind of statements) {
    const entries = doc[kind];
    if (!Array.isArray(entries) || entries.length !== 1) {
      problems.push(`${kind}: must hold exactly one entry`);
      continue;
    }
    const entry = entries[0] as Record<string, unknown>;
    for (const field of required[kind]) if (entry?.[field] === undefined || entry[field] === '') problems.push(`${kind}[0].${field}: missing`);
  }
  return problems;
}
