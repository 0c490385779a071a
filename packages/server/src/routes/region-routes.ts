import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate } from '../http/request-context.js';
import { presentRegion, regionNodeSchema } from '../presenters/region-presenter.js';
import type { Services } from '../services.js';
import { listRegionChildren, readRegion } from '../use-cases/browse-regions.js';

const params = z.object({ id: z.coerce.number().int().positive() });
const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/**
 * The region tree, limited to the caller's jurisdiction.
 * @param app - Fastify instance
 * @param options - services
 */
export const regionRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/regions/:id',
    { schema: { tags: ['regions'], summary: 'A region node with counts', params, response: { 200: regionNodeSchema, ...errors } } },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return presentRegion(await readRegion(services, actor, request.params.id));
    },
  );

  app.get(
    '/api/regions/:id/children',
    {
      schema: {
        tags: ['regions'],
        summary: 'The children of a region node with counts',
        params,
        response: { 200: z.object({ items: z.array(regionNodeSchema) }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return { items: (await listRegionChildren(services, actor, request.params.id)).map(presentRegion) };
    },
  );
};
