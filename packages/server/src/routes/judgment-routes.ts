import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, DomainError, overrideReasonCodes, purposes } from '@epigrid/core';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate, declaredPurpose } from '../http/request-context.js';
import { healthCodeSchema, presentHealthCode, presentRiskAreas, riskAreaListSchema } from '../presenters/judgment-presenter.js';
import type { Services } from '../services.js';
import { listPublicRiskAreas, riskAreasCsv } from '../use-cases/judgment/list-risk-areas.js';
import { readHealthCodeForActor, readOwnHealthCode } from '../use-cases/judgment/read-health-code.js';
import { runPendingJudgment } from '../use-cases/judgment/run-judgment.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/**
 * Risk areas (public: no sign-in, no personal data) and health codes (staff in their jurisdiction;
 * the public their own).
 * @param app - Fastify instance
 * @param options - services
 */
export const judgmentRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/risk-areas',
    { schema: { tags: ['judgment'], summary: 'Current risk areas, highest level first (public)', security: [], response: { 200: riskAreaListSchema } } },
    async () => presentRiskAreas(await listPublicRiskAreas(services)),
  );

  app.get(
    '/api/risk-areas.csv',
    { schema: { tags: ['judgment'], summary: 'Current risk areas as CSV (public)', security: [] } },
    async (_request, reply) => {
      const csv = riskAreasCsv(await listPublicRiskAreas(services));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="risk-areas.csv"').send(csv);
    },
  );

  app.get(
    '/api/me/health-code',
    { schema: { tags: ['judgment'], summary: 'Your own health code, with the reason in plain words', response: { 200: healthCodeSchema, ...errors } } },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return presentHealthCode(await readOwnHealthCode(services, actor));
    },
  );

  app.get(
    '/api/health-codes/:personId',
    {
      schema: {
        tags: ['judgment'],
        summary: 'A person\'s health code: colour, rule id, evidence, next transition',
        headers: z.object({ 'x-purpose': z.enum(purposes) }).partial(),
        params: z.object({ personId: z.coerce.number().int().positive() }),
        response: { 200: healthCodeSchema, ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return presentHealthCode(await readHealthCodeForActor(services, actor, declaredPurpose(request), request.params.personId));
    },
  );

  app.post(
    '/api/judgment/recompute',
    {
      schema: {
        tags: ['judgment'],
        summary: 'Recompute area levels and pending codes now',
        response: { 200: z.object({ riskAreas: z.number(), areasChanged: z.number(), persons: z.number(), colourChanges: z.number() }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      if (!can(actor, 'judgment.recompute')) throw new DomainError('forbidden', { ability: 'judgment.recompute' });
      return runPendingJudgment(services);
    },
  );

  app.get(
    '/api/code-overrides/reasons',
    { schema: { tags: ['judgment'], summary: 'The closed list of override reason codes', security: [], response: { 200: z.object({ reasonCodes: z.array(z.string()) }) } } },
    async () => ({ reasonCodes: [...overrideReasonCodes] }),
  );
};
