import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate } from '../http/request-context.js';
import { presentTaskNotice, taskNoticeSchema } from '../presenters/task-notice-presenter.js';
import type { Services } from '../services.js';
import { listTaskNoticesForActor, markTaskNoticesReadForActor } from '../use-cases/read-task-notices.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema };

/**
 * The escalation notices addressed to a level: read them (newest first, unread count) and mark them read.
 * @param app - Fastify instance
 * @param options - services
 */
export const taskNoticeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/task-notices',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Escalation notices addressed inside your jurisdiction, newest first, with the unread count',
        querystring: z.object({
          unread: z.enum(['true', 'false']).default('false').describe('only notices nobody at the level has read'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: z.object({ notices: z.array(taskNoticeSchema), unread: z.number(), next: z.string().nullable() }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const q = request.query;
      const page = await listTaskNoticesForActor(services, actor, { unreadOnly: q.unread === 'true', limit: q.limit, cursor: q.cursor ?? null });
      const now = services.now();
      return { notices: page.notices.map((n) => presentTaskNotice(n, now)), unread: page.unread, next: page.next };
    },
  );

  app.post(
    '/api/task-notices/read',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Mark notices read for your level; ones outside your jurisdiction or already read are left alone',
        body: z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }),
        response: { 200: z.object({ marked: z.array(z.number()), unread: z.number() }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return markTaskNoticesReadForActor(services, actor, request.body.ids);
    },
  );
};
