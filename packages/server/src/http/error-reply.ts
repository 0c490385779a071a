import { errorCatalogue, isDomainError, type ErrorCode } from '@epigrid/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The body of every error response: a stable code, a message, structured details. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }),
});

function body(code: ErrorCode, message: string, details: Record<string, unknown>): z.infer<typeof errorBodySchema> {
  return { error: { code, message, details } };
}

/**
 * Fastify error handler: domain errors keep their code; schema validation errors become
 * `validation_failed` naming the field and reason; rate limiting becomes `rate_limited`;
 * anything else is `internal` and is logged.
 * @param error - what was thrown
 * @param request - the request
 * @param reply - the reply
 */
export function errorReply(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (isDomainError(error)) {
    const status = errorCatalogue[error.code].status;
    if (errorCatalogue[error.code].reportable) request.log.error(error);
    return reply.status(status).send(body(error.code, error.message, { ...error.details }));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      field: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      reason: v.message ?? 'invalid',
    }));
    return reply.status(400).send(body('validation_failed', errorCatalogue.validation_failed.message, { issues }));
  }
  const statusCode = (error as FastifyError).statusCode;
  if (statusCode === 429) return reply.status(429).send(body('rate_limited', errorCatalogue.rate_limited.message, {}));
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return reply.status(statusCode).send(body('validation_failed', error.message, {}));
  }
  request.log.error(error);
  return reply.status(500).send(body('internal', errorCatalogue.internal.message, {}));
}
