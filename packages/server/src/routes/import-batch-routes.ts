import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate, declaredPurpose } from '../http/request-context.js';
import { deadLetterSchema, importBatchSchema, presentDeadLetter, presentImportBatch } from '../presenters/import-batch-presenter.js';
import type { Services } from '../services.js';
import { listBatchDeadLetters, listBatchSummaries } from '../use-cases/read-import-batches.js';
import { exportBatchDeadLetters, fixDeadLetterFields, rerunBatchDeadLetters } from '../use-cases/work-dead-letters.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };
const idParams = z.object({ id: z.coerce.number().int().positive() });
const statusSchema = z.enum(['open', 'fixed', 'rerun', 'discarded']);

/**
 * Import batches and their rejected rows (dead letters) for users who run imports: list batches,
 * list a batch's rejected rows (masked), fix a row, re-run the fixed rows, export the raw rows as CSV.
 * @param app - Fastify instance
 * @param options - services
 */
export const importBatchRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/import-batches',
    {
      schema: {
        tags: ['import'],
        summary: 'Recent import batches, newest first, with counts, open rejected rows and the top rejection reasons',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(20) }),
        response: { 200: z.object({ batches: z.array(importBatchSchema) }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const summaries = await listBatchSummaries(services, actor, request.query.limit);
      return { batches: summaries.map(presentImportBatch) };
    },
  );

  app.get(
    '/api/import-batches/:id/dead-letters',
    {
      schema: {
        tags: ['import'],
        summary: "A batch's rejected rows in id order, with the reason and a masked preview",
        params: idParams,
        querystring: z.object({
          status: statusSchema.optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          afterId: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ deadLetters: z.array(deadLetterSchema) }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const letters = await listBatchDeadLetters(services, actor, request.params.id, request.query);
      return { deadLetters: letters.map(presentDeadLetter) };
    },
  );

  app.get(
    '/api/import-batches/:id/dead-letters.csv',
    {
      schema: {
        tags: ['import'],
        summary: "Export a batch's rejected rows as CSV with the raw fields in clear (X-Purpose required; audited)",
        params: idParams,
        querystring: z.object({ status: statusSchema.optional() }),
        response: { 200: z.any().describe('text/csv'), ...errors },
      },
    },
    async (request, reply) => {
      const { actor } = await authenticate(services, request);
      const purpose = declaredPurpose(request);
      const { csv } = await exportBatchDeadLetters(services, actor, request.params.id, purpose, request.query.status);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="dead-letters-batch-${request.params.id}.csv"`)
        .send(csv);
    },
  );

  app.post(
    '/api/dead-letters/:id/fix',
    {
      schema: {
        tags: ['import'],
        summary: 'Edit fields of a rejected row (empty value = clear the field); it waits for a re-run',
        params: idParams,
        body: z.object({ changes: z.record(z.string().min(1).max(100), z.string().max(1000)) }),
        response: { 200: z.object({ id: z.number(), status: statusSchema, preview: z.record(z.string(), z.string()) }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const fixed = await fixDeadLetterFields(services, actor, request.params.id, request.body.changes);
      return { id: fixed.id, status: fixed.status, preview: { ...fixed.preview } };
    },
  );

  app.post(
    '/api/import-batches/:id/rerun',
    {
      schema: {
        tags: ['import'],
        summary: "Re-run a batch's open and fixed rejected rows through the import's validation and writing",
        params: idParams,
        response: { 200: z.object({ loaded: z.number(), duplicates: z.number(), stillRejected: z.number() }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const report = await rerunBatchDeadLetters(services, actor, request.params.id);
      return { loaded: report.loaded, duplicates: report.duplicates, stillRejected: report.stillRejected };
    },
  );
};
