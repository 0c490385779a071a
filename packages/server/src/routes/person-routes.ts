import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { purposes } from '@epigrid/core';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate, declaredPurpose } from '../http/request-context.js';
import { personPageSchema, personViewSchema, presentPerson, presentPersonPage } from '../presenters/person-presenter.js';
import type { Services } from '../services.js';
import { readPerson } from '../use-cases/read-person.js';
import { searchPersons } from '../use-cases/search-persons.js';

const purposeHeader = z.object({ 'x-purpose': z.enum(purposes).describe('declared purpose of this read of personal data') });
const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/**
 * The person registry: search and read, within the caller's jurisdiction, for a declared purpose.
 * @param app - Fastify instance
 * @param options - services
 */
export const personRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/persons',
    {
      schema: {
        tags: ['persons'],
        summary: 'Search people in your jurisdiction',
        headers: purposeHeader.partial(),
        querystring: z.object({
          q: z.string().max(64).optional(),
          regionId: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
        response: { 200: personPageSchema, ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const page = await searchPersons(services, actor, declaredPurpose(request), request.query);
      return presentPersonPage(page);
    },
  );

  app.get(
    '/api/persons/:id',
    {
      schema: {
        tags: ['persons'],
        summary: "A person's record; identifiers in clear only when your role and purpose allow",
        headers: purposeHeader.partial(),
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: personViewSchema, ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return presentPerson(await readPerson(services, actor, declaredPurpose(request), request.params.id));
    },
  );
};
