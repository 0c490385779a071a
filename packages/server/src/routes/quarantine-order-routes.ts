import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { orderLocales } from '@epigrid/core';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate, declaredPurpose } from '../http/request-context.js';
import { findCjkFont } from '../orders/cjk-font.js';
import { renderQuarantineOrders } from '../orders/quarantine-order-pdf.js';
import type { Services } from '../services.js';
import { MAX_ORDERS_PER_PRINT, printQuarantineOrders } from '../use-cases/print-quarantine-orders.js';
import { personIdsOfTasks } from '../use-cases/person-ids-of-tasks.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 500: errorBodySchema };

/**
 * Quarantine orders printed as one PDF, one page per person, streamed.
 * @param app - Fastify instance
 * @param options - services
 */
export const quarantineOrderRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/api/quarantine-orders',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Print quarantine orders (PDF, one page per person) for people or for the people of tasks',
        headers: z.object({ 'x-purpose': z.string().describe('declared purpose, usually quarantine_management') }).partial(),
        body: z
          .object({
            personIds: z.array(z.number().int().positive()).max(MAX_ORDERS_PER_PRINT).optional(),
            taskIds: z.array(z.number().int().positive()).max(MAX_ORDERS_PER_PRINT).optional(),
            locale: z.enum(orderLocales).default('zh'),
          })
          .refine((b) => (b.personIds?.length ?? 0) + (b.taskIds?.length ?? 0) > 0, { message: 'give personIds or taskIds', path: ['personIds'] }),
        response: { 200: z.any().describe('application/pdf'), ...errors },
      },
    },
    async (request, reply) => {
      const { actor } = await authenticate(services, request);
      const purpose = declaredPurpose(request);
      const fromTasks = request.body.taskIds === undefined ? [] : await personIdsOfTasks(services, actor, request.body.taskIds);
      const orders = await printQuarantineOrders(services, actor, {
        personIds: [...(request.body.personIds ?? []), ...fromTasks],
        locale: request.body.locale,
        purpose,
      });
      const pdf = renderQuarantineOrders(orders, findCjkFont(services.config.print.cjkFont));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="quarantine-orders-${orders.length}.pdf"`)
        .send(pdf);
    },
  );
};
