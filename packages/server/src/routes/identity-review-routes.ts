import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate } from '../http/request-context.js';
import { identityReviewListSchema, presentIdentityReview } from '../presenters/identity-review-presenter.js';
import type { Services } from '../services.js';
import { decideIdentityReview } from '../use-cases/decide-identity-review.js';
import { listIdentityReviews } from '../use-cases/list-identity-reviews.js';
import { mergePersons, undoPersonMerge } from '../use-cases/merge-persons.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const mergeSchema = z.object({ mergeId: z.number(), moved: z.record(z.string(), z.number()) });

/**
 * The identity review queue and person merges: list open reviews in your jurisdiction, decide one
 * (link = merge into the registered candidate, new = keep apart), merge two persons, undo a merge.
 * @param app - Fastify instance
 * @param options - services
 */
export const identityReviewRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/identity-reviews',
    {
      schema: {
        tags: ['identity'],
        summary: 'Open identity reviews whose registered candidate is in your jurisdiction (identifiers masked)',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          afterId: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: identityReviewListSchema, ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const reviews = await listIdentityReviews(services, actor, request.query);
      return { reviews: reviews.map(presentIdentityReview) };
    },
  );

  app.post(
    '/api/identity-reviews/:id/decision',
    {
      schema: {
        tags: ['identity'],
        summary: 'Decide a review: link (merge into the candidate, reversible) or new (a different person)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({ decision: z.enum(['link', 'new']) }),
        response: { 200: z.object({ status: z.enum(['merged', 'dismissed']), merge: mergeSchema.nullable() }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const result = await decideIdentityReview(services, actor, request.params.id, request.body.decision);
      return { status: result.status, merge: result.merge === null ? null : { mergeId: result.merge.mergeId, moved: { ...result.merge.moved } } };
    },
  );

  app.post(
    '/api/persons/:id/merge',
    {
      schema: {
        tags: ['identity'],
        summary: 'Merge this person into another: every linked record moves to the survivor (reversible)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: z.object({ intoId: z.number().int().positive() }),
        response: { 200: mergeSchema, ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const merge = await mergePersons(services, actor, request.params.id, request.body.intoId);
      return { mergeId: merge.mergeId, moved: { ...merge.moved } };
    },
  );

  app.post(
    '/api/person-merges/:id/undo',
    {
      schema: {
        tags: ['identity'],
        summary: 'Undo a merge exactly (later merges of the survivor first)',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: z.object({ undone: z.literal(true) }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      await undoPersonMerge(services, actor, request.params.id);
      return { undone: true as const };
    },
  );
};
