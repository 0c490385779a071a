import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { federationEnvelopeSchema } from '@epigrid/core';
import { instanceKeyOf } from '../federation/instance-key.js';
import { errorBodySchema } from '../http/error-reply.js';
import type { Services } from '../services.js';
import { receiveFederationMessage } from '../use-cases/receive-federation-message.js';

/**
 * Cross-region referrals between EpiGrid instances. Messages carry their own authentication (an
 * ES256 signature by a configured peer), so these routes take no bearer token.
 * @param app - Fastify instance
 * @param options - services
 */
export const federationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/federation/key',
    {
      schema: {
        tags: ['federation'],
        summary: "This instance's id and public signing key, for peers to configure",
        security: [],
        response: {
          200: z.object({
            instanceId: z.string(),
            keyId: z.string(),
            publicJwk: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string() }),
          }),
        },
      },
    },
    async () => {
      const key = await instanceKeyOf(services);
      return { instanceId: services.config.federation.instanceId, keyId: key.keyId, publicJwk: key.publicJwk };
    },
  );

  app.post(
    '/api/federation/messages',
    {
      schema: {
        tags: ['federation'],
        summary: 'Receive a signed referral or referral outcome from a peer (a replay is answered "duplicate")',
        security: [],
        body: federationEnvelopeSchema,
        response: { 200: z.object({ status: z.enum(['accepted', 'duplicate', 'unmatched']) }), 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema },
      },
      bodyLimit: 64 * 1024,
    },
    async (request) => ({ status: await receiveFederationMessage(services, request.body) }),
  );
};
