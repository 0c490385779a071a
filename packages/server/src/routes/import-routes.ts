import { DomainError } from '@epigrid/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate } from '../http/request-context.js';
import type { Services } from '../services.js';
import { importRows } from '../use-cases/import-rows.js';

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

function parseNdjson(text: string): unknown[] {
  const rows: unknown[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      rows.push(JSON.parse(line));
    } catch {
      rows.push(null); // dead-lettered as "not a JSON object", keeping the row numbering
    }
  }
  return rows;
}

/**
 * The HTTP batch import: `POST /api/import/:source` with a JSON array or NDJSON body and an
 * `Idempotency-Key` header.
 * @param app - Fastify instance
 * @param options - services
 */
export const importRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) => {
    done(null, parseNdjson(body as string));
  });

  app.post(
    '/api/import/:source',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['import'],
        summary: 'Import a batch of rows of one source (docs/data-formats.md); the same Idempotency-Key twice adds nothing',
        params: z.object({ source: z.string().min(1).max(40) }),
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        response: { 200: importReportSchema, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const key = request.headers['idempotency-key'];
      if (key === undefined || key === '') throw new DomainError('idempotency_key_required');
      const body = request.body;
      if (!Array.isArray(body)) {
        throw new DomainError('validation_failed', { field: 'body', reason: 'send a JSON array of rows or NDJSON (application/x-ndjson)' });
      }
      const report = await importRows(services, actor, { source: request.params.source, idempotencyKey: key, rows: body });
      return { ...report, topReasons: [...report.topReasons], extraColumns: [...report.extraColumns] };
    },
  );
};
