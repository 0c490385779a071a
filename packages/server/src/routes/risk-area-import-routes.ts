import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate } from '../http/request-context.js';
import { importedRiskAreaListSchema, importedRiskListSchema, presentImportedRiskAreaList, presentImportedRiskList } from '../presenters/imported-risk-list-presenter.js';
import type { Services } from '../services.js';
import { importRiskAreaList } from '../use-cases/judgment/import-risk-area-list.js';
import { listImportedRiskAreaLists } from '../use-cases/judgment/list-imported-risk-lists.js';
import { remapImportedRiskAreaList } from '../use-cases/judgment/remap-imported-risk-list.js';

const BODY_LIMIT = 64 * 1024 * 1024;
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 409: errorBodySchema };
const levelMapSchema = z.record(z.string().min(1).max(64), z.string().min(1).max(64));

/**
 * Risk areas of other jurisdictions: import a peer's (or the national) published list, and read the
 * imported lists with where and when each came from, and change the level mapping of a stored list.
 * @param app - Fastify instance
 * @param options - services
 */
export const riskAreaImportRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/api/risk-areas/imports',
    {
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['judgment'],
        summary: "Import another jurisdiction's list of current risk areas (its /api/risk-areas JSON or CSV); replaces that publisher's earlier list",
        body: z.object({
          publisher: z.string().min(1).max(64).optional().describe('required for a CSV, and for a JSON list that names no publisher'),
          source: z.string().min(1).max(2000).optional().describe('file name or URL the list was read from (kept with it)'),
          list: z.unknown().optional().describe('the published JSON'),
          csv: z.string().max(BODY_LIMIT).optional().describe('or the published CSV'),
          levelMap: levelMapSchema
            .optional()
            .describe("the publisher's level names → this instance's, e.g. {\"高风险\": \"high\"}; needed where neither the names nor the ranks of the levels match"),
        }),
        response: { 200: importedRiskAreaListSchema, ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const { publisher, source, list, csv, levelMap } = request.body;
      const result = await importRiskAreaList(services, actor, {
        publisher,
        source: source ?? 'api',
        levelMap,
        ...(list === undefined ? {} : { list }),
        ...(csv === undefined ? {} : { csv }),
      });
      return presentImportedRiskAreaList(result);
    },
  );

  app.get(
    '/api/risk-areas/imports',
    {
      schema: {
        tags: ['judgment'],
        summary: 'The lists of current risk areas imported from other jurisdictions, with source and time of import',
        response: { 200: z.object({ items: z.array(importedRiskListSchema) }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return { items: (await listImportedRiskAreaLists(services, actor)).map(presentImportedRiskList) };
    },
  );

  app.put(
    '/api/risk-areas/imports/:id/levels',
    {
      schema: {
        tags: ['judgment'],
        summary: "Change the level mapping of a stored imported list in place (the publisher's level names kept); its travellers are re-judged",
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({
          levelMap: levelMapSchema.describe("the publisher's level names → this instance's, e.g. {\"orange\": \"high\"}; levels left out map by name or rank, as at import"),
        }),
        response: { 200: importedRiskListSchema, 404: errorBodySchema, ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return presentImportedRiskList(await remapImportedRiskAreaList(services, actor, request.params.id, request.body.levelMap));
    },
  );
};
