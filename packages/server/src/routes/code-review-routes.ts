import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maxOverrideDays } from '@epigrid/core';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate } from '../http/request-context.js';
import {
  appealSchema,
  codeAlertSchema,
  overrideRequestSchema,
  presentAppeal,
  presentCodeAlert,
  presentOverrideRequest,
} from '../presenters/judgment-presenter.js';
import type { Services } from '../services.js';
import { decideAppealForActor, fileAppeal, listAppealsForActor } from '../use-cases/judgment/code-appeals.js';
import { decideCodeOverride } from '../use-cases/judgment/decide-code-override.js';
import { listCodeOverrides } from '../use-cases/judgment/list-code-overrides.js';
import { requestCodeOverride } from '../use-cases/judgment/request-code-override.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const idParams = z.object({ id: z.coerce.number().int().positive() });

/**
 * Safeguards on colours: manual overrides under the two-person rule (with alerts on refused changes)
 * and appeals with a deadline.
 * @param app - Fastify instance
 * @param options - services
 */
export const codeReviewRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/code-overrides',
    {
      schema: {
        tags: ['judgment'],
        summary: 'Override requests and safeguard alerts in your jurisdiction',
        response: { 200: z.object({ requests: z.array(overrideRequestSchema), alerts: z.array(codeAlertSchema) }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const { requests, alerts } = await listCodeOverrides(services, actor);
      return { requests: requests.map(presentOverrideRequest), alerts: alerts.map(presentCodeAlert) };
    },
  );

  app.post(
    '/api/code-overrides',
    {
      schema: {
        tags: ['judgment'],
        summary: 'Ask for a manual colour change; another authorised user must approve it',
        body: z.object({
          personIds: z.array(z.number().int().positive()).min(1).max(10_000),
          targetColour: z.enum(['green', 'yellow', 'red']),
          reasonCode: z.string().describe('one of GET /api/code-overrides/reasons'),
          note: z.string().trim().min(5).max(2000),
          validDays: z.number().int().min(1).max(maxOverrideDays).default(7),
        }),
        response: { 201: overrideRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { actor } = await authenticate(services, request);
      const created = await requestCodeOverride(services, actor, request.body);
      void reply.code(201);
      return presentOverrideRequest(created);
    },
  );

  app.post(
    '/api/code-overrides/:id/approve',
    {
      schema: {
        tags: ['judgment'],
        summary: 'Approve (second person) a pending override; the colour applies at once',
        params: idParams,
        response: { 200: z.object({ request: overrideRequestSchema, changes: z.number() }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const result = await decideCodeOverride(services, actor, request.params.id, 'approve');
      return { request: presentOverrideRequest(result.request), changes: result.changes };
    },
  );

  app.post(
    '/api/code-overrides/:id/refuse',
    { schema: { tags: ['judgment'], summary: 'Refuse a pending override', params: idParams, response: { 200: z.object({ request: overrideRequestSchema, changes: z.number() }), ...errors } } },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const result = await decideCodeOverride(services, actor, request.params.id, 'refuse');
      return { request: presentOverrideRequest(result.request), changes: result.changes };
    },
  );

  app.get(
    '/api/appeals',
    {
      schema: {
        tags: ['judgment'],
        summary: 'Appeals you may see (reviewers: your jurisdiction, overdue flagged; the public: your own)',
        querystring: z.object({ open: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.object({ items: z.array(appealSchema) }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return { items: (await listAppealsForActor(services, actor, { openOnly: request.query.open === 'true' })).map(presentAppeal) };
    },
  );

  app.post(
    '/api/appeals',
    {
      schema: {
        tags: ['judgment'],
        summary: 'File an appeal against a colour (yourself, or a resident of your grid)',
        body: z.object({ personId: z.number().int().positive().optional(), reason: z.string().trim().min(5).max(2000) }),
        response: { 201: appealSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { actor } = await authenticate(services, request);
      const appeal = await fileAppeal(services, actor, request.body);
      void reply.code(201);
      return presentAppeal(appeal);
    },
  );

  app.post(
    '/api/appeals/:id/decide',
    {
      schema: {
        tags: ['judgment'],
        summary: 'Decide an appeal and record the outcome',
        params: idParams,
        body: z.object({ status: z.enum(['upheld', 'rejected']), outcome: z.string().trim().min(5).max(2000) }),
        response: { 200: appealSchema, ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return presentAppeal(await decideAppealForActor(services, actor, request.params.id, request.body));
    },
  );
};
