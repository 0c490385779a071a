import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tasksAsCsv, tasksAsXlsx } from '../exports/task-export.js';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate } from '../http/request-context.js';
import type { Services } from '../services.js';
import { exportTasks } from '../use-cases/export-tasks.js';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * Exports of a task list as CSV or XLSX, streamed page by page.
 * @param app - Fastify instance
 * @param options - services
 */
export const taskExportRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/tasks/export',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Export a task list (same filters as /api/tasks) as CSV or XLSX, streamed; identifiers masked',
        querystring: z.object({
          format: z.enum(['csv', 'xlsx']).default('csv'),
          view: z.enum(['mine', 'region']).default('region'),
          status: z.enum(['open', 'done', 'overdue']).default('open'),
        }),
        response: { 200: z.any().describe('text/csv or XLSX'), 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { actor } = await authenticate(services, request);
      const { format, view, status } = request.query;
      const pages = await exportTasks(services, actor, { format, view, status });
      const now = services.now();
      const body = format === 'csv' ? tasksAsCsv(pages, now) : tasksAsXlsx(pages, now);
      const day = now.toISOString().slice(0, 10);
      return reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="tasks-${status}-${day}.${format}"`)
        .send(body);
    },
  );
};
