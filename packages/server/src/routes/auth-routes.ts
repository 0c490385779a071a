import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { revokeSession } from '@epigrid/store';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate, bearerToken } from '../http/request-context.js';
import { meSchema, presentMe } from '../presenters/user-presenter.js';
import type { Services } from '../services.js';
import { logIn } from '../use-cases/log-in.js';

/**
 * Login, logout and the signed-in user.
 * @param app - Fastify instance
 * @param options - services
 */
export const authRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: services.config.auth.loginAttemptsPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in and receive a bearer token',
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: z.object({ token: z.string(), expiresAt: z.string(), user: meSchema }), 401: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request) => {
      const result = await logIn(services, request.body);
      return { token: result.token, expiresAt: result.expiresAt.toISOString(), user: presentMe(result.user) };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'End the session' } }, async (request, reply) => {
    const token = bearerToken(request);
    if (token) await revokeSession(services.db, token);
    return reply.status(204).send();
  });

  app.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: meSchema, 401: errorBodySchema } } },
    async (request) => presentMe((await authenticate(services, request)).user),
  );
};
