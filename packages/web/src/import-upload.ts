/** What the browser decides before it uploads an import file: the source, the body type, the idempotency key. */

/**
 * The sources `POST /api/import/:source` loads, in the order the form offers them; the same names as
 * the ingest package's source catalogue (a unit test keeps the two in step).
 */
export const importSources = ['registry', 'cases', 'lab-results', 'check-ins', 'telecom', 'transport', 'vaccinations', 'stations'] as const;

/** One of {@link importSources}. */
export type ImportSource = (typeof importSources)[number];

/** The content type of an Excel workbook. */
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** File extensions the form accepts, each with the content type it is sent as. */
export const uploadContentTypes: Readonly<Record<string, string>> = {
  '.csv': 'text/csv',
  '.ndjson': 'application/x-ndjson',
  '.jsonl': 'application/x-ndjson',
  '.xlsx': xlsxContentType,
};

/** The server refuses larger bodies; the browser says so before reading the file. */
export const maxUploadBytes = 256 * 1024 * 1024;

/**
 * The content type a file is sent as, from its extension (the type the browser reports is often
 * empty or names a spreadsheet for CSV), or null for an extension the server does not read.
 * @param fileName - the chosen file's name
 */
export function uploadContentType(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return null;
  return uploadContentTypes[fileName.slice(dot).toLowerCase()] ?? null;
}

/**
 * The idempotency key of an upload: the SHA-256 (hex) of the source's name, a line break and the
 * file's bytes. The same file for the same source always gets the same key, so sending it again adds
 * nothing, whatever the file is called.
 * @param source - source name
 * @param bytes - the file's content
 */
export async function uploadKey(source: string, bytes: ArrayBuffer): Promise<string> {
  const prefix = new TextEncoder().encode(`${source}\n`);
  const data = new Uint8Array(prefix.length + bytes.byteLength);
  data.set(prefix, 0);
  data.set(new Uint8Array(bytes), prefix.length);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * A batch's file name as the table shows it: an upload's batch is named after its key
 * (`http:sha256:` and 64 hex digits), shortened here to its first 12 digits; other names as they are.
 * @param fileName - the batch's file name
 */
export function shownFileName(fileName: string): string {
  const upload = /^(http:sha256:[0-9a-f]{12})[0-9a-f]{52}$/.exec(fileName);
  return upload === null ? fileName : `${upload[1]}…`;
}
