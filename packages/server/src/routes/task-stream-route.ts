import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '@epigrid/core';
import { errorBodySchema } from '../http/error-reply.js';
import type { Services } from '../services.js';
import { resolveActor } from '../use-cases/resolve-actor.js';

/** Interval of the `ping` event that keeps proxies and phones from closing an idle stream. */
export const PING_INTERVAL_MS = 20_000;

/**
 * `GET /api/tasks/stream?token=…`: server-sent events of the tasks routed to, escalated to or updated
 * for the user (EventSource cannot send headers, hence the token in the query).
 * @param app - Fastify instance
 * @param options - services and the ping interval
 */
export const taskStreamRoute: FastifyPluginAsyncZod<{ services: Services; pingIntervalMs?: number }> = async (app, { services, pingIntervalMs }) => {
  app.get(
    '/api/tasks/stream',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Server-sent events: `task` (a TaskView) whenever a task is assigned to or updated for you; `ping` every 20 s',
        querystring: z.object({ token: z.string().min(1).describe('the bearer token') }),
        response: { 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { actor } = await resolveActor(services, request.query.token);
      if (actor.role === 'public') throw new DomainError('forbidden', { ability: 'task.read' });
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      raw.write('retry: 5000\n\n');
      raw.flushHeaders?.();
      const unsubscribe = services.push.subscribe({
        userId: actor.userId,
        role: actor.role,
        regionPath: actor.regionPath,
        send(event, data) {
          raw.write(`event: ${event}\ndata: ${data}\n\n`);
        },
      });
      const ping = setInterval(() => raw.write(`event: ping\ndata: {}\n\n`), pingIntervalMs ?? PING_INTERVAL_MS);
      request.raw.on('close', () => {
        clearInterval(ping);
        unsubscribe();
      });
    },
  );
};
