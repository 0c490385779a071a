import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate } from '../http/request-context.js';
import { doorKeeperSchema, presentDoorKeeperView } from '../presenters/pass-presenter.js';
import type { Services } from '../services.js';
import { recordPlaceScanForActor } from '../use-cases/record-place-scan.js';
import { signPlaceCodeForActor } from '../use-cases/sign-place-code.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema };

/**
 * Venue place codes to print, and scans of them by pass holders.
 * @param app - Fastify instance
 * @param options - services
 */
export const placeCodeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/places/:id/place-code',
    {
      schema: {
        tags: ['place codes'],
        summary: 'The signed place code of a venue (EGV1:…) and its QR code as SVG, to print at the door',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: {
          200: z.object({
            place: z.object({ id: z.number(), name: z.string(), kind: z.string(), regionCode: z.string(), lat: z.number(), lon: z.number() }),
            text: z.string(),
            svg: z.string(),
            kid: z.string(),
            jurisdiction: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const code = await signPlaceCodeForActor(services, actor, request.params.id);
      const { id, name, kind, regionCode, lat, lon } = code.place;
      return { place: { id, name, kind, regionCode, lat, lon }, text: code.text, svg: code.svg, kid: code.kid, jurisdiction: code.jurisdiction };
    },
  );

  app.post(
    '/api/place-scans',
    {
      schema: {
        tags: ['place codes'],
        summary: 'Record my scan of a place code (check-in) and get the door keeper’s view; forwarded-looking scans are flagged',
        body: z.object({
          text: z.string().min(1).max(4_000).describe('the scanned place code, EGV1:…'),
          position: z
            .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180), accuracyM: z.number().min(0).max(1_000_000).nullable().default(null) })
            .nullable()
            .default(null)
            .describe('where the phone is, if the holder allows geolocation'),
        }),
        response: { 201: doorKeeperSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { actor } = await authenticate(services, request);
      const view = await recordPlaceScanForActor(services, actor, { text: request.body.text, position: request.body.position });
      void reply.code(201);
      return presentDoorKeeperView(view);
    },
  );
};
