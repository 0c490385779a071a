import type { Readable } from 'node:stream';
import { DomainError } from '@epigrid/core';
import { readBatches, type HeaderSink } from '@epigrid/ingest';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate } from '../http/request-context.js';
import type { Services } from '../services.js';
import { importRows, type ImportRowsInput } from '../use-cases/import-rows.js';

const BODY_LIMIT = 256 * 1024 * 1024;

/** The import report as returned over HTTP. */
export const importReportSchema = z.object({
  batchId: z.number(),
  source: z.string(),
  status: z.string(),
  alreadyImported: z.boolean(),
  accepted: z.number(),
  corrected: z.number(),
  duplicates: z.number(),
  rejected: z.number(),
  topReasons: z.array(z.object({ field: z.string().nullable(), rule: z.string(), count: z.number(), example: z.string() })),
  extraColumns: z.array(z.string()),
});

/** The content type of an Excel workbook. */
const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Body types read as a stream, row batch by row batch, straight into the import. */
const STREAMED = { 'application/x-ndjson': 'ndjson', 'text/csv': 'csv', [XLSX_CONTENT_TYPE]: 'xlsx' } as const;

/** The request body's bytes, refused past the body limit (a streamed body is not held whole). */
async function* limited(body: Readable, limit: number): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    if (bytes > limit) throw new DomainError('validation_failed', { field: 'body', reason: `the body is larger than ${limit / 2 ** 20} MiB` });
    yield chunk;
  }
}

/** The file name a client sent, percent-encoded so that any name survives an HTTP header. */
function fileNameOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === '') return undefined;
  let name: string;
  try {
    name = decodeURIComponent(value);
  } catch {
    throw new DomainError('validation_failed', { field: 'X-File-Name', reason: 'the file name is not percent-encoded UTF-8' });
  }
  if (name.length > 200) throw new DomainError('validation_failed', { field: 'X-File-Name', reason: 'the file name is longer than 200 characters' });
  return name;
}

function isStream(body: unknown): body is Readable {
  return typeof body === 'object' && body !== null && typeof (body as Readable).pipe === 'function';
}

/**
 * The HTTP batch import: `POST /api/import/:source` with a JSON array, NDJSON, CSV or XLSX body and
 * an `Idempotency-Key` header.
 * @param app - Fastify instance
 * @param options - services
 */
export const importRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  // NDJSON, CSV and XLSX bodies are handed over as the raw stream: rows are imported as they arrive.
  app.addContentTypeParser(Object.keys(STREAMED), (_request, payload, done) => done(null, payload));

  app.post(
    '/api/import/:source',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['import'],
        summary:
          'Import a batch of rows of one source (docs/data-formats.md): a JSON array, or NDJSON, CSV or XLSX streamed as it arrives; the same Idempotency-Key twice adds nothing',
        params: z.object({ source: z.string().min(1).max(40) }),
        headers: z.object({
          'idempotency-key': z.string().min(1).max(200).optional(),
          'x-file-name': z.string().min(1).max(1000).optional().describe('the name of the file sent, percent-encoded (shown with the batch)'),
        }),
        response: { 200: importReportSchema, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const key = request.headers['idempotency-key'];
      if (key === undefined || key === '') throw new DomainError('idempotency_key_required');
      const body = request.body;
      let rows: ImportRowsInput['rows'];
      if (isStream(body)) {
        const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() as keyof typeof STREAMED;
        const header: HeaderSink = { columns: [] };
        rows = { batches: readBatches(limited(body, BODY_LIMIT), STREAMED[type] ?? 'ndjson', header), header };
      } else if (Array.isArray(body)) {
        rows = body;
      } else {
        throw new DomainError('validation_failed', { field: 'body', reason: `send a JSON array of rows, NDJSON (application/x-ndjson), CSV (text/csv) or XLSX (${XLSX_CONTENT_TYPE})` });
      }
      const fileName = fileNameOf(request.headers['x-file-name']);
      const report = await importRows(services, actor, { source: request.params.source, idempotencyKey: key, fileName, rows });
      return { ...report, topReasons: [...report.topReasons], extraColumns: [...report.extraColumns] };
    },
  );
};
