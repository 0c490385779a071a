import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate } from '../http/request-context.js';
import { facilitySchema, presentFacility } from '../presenters/facility-presenter.js';
import type { Services } from '../services.js';
import { listFacilitiesForActor } from '../use-cases/list-facilities.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema };

/**
 * The isolation facilities a `transferred` outcome may name.
 * @param app - Fastify instance
 * @param options - services
 */
export const facilityRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/facilities',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Isolation facilities serving your jurisdiction (a grid worker: those of the county), for a transfer',
        response: { 200: z.object({ facilities: z.array(facilitySchema) }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return { facilities: (await listFacilitiesForActor(services, actor)).map(presentFacility) };
    },
  );
};
