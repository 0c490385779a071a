import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, outcomeCodes } from '@epigrid/core';
import { errorBodySchema } from '../http/error-reply.js';
import { authenticate } from '../http/request-context.js';
import { presentTask, taskViewSchema } from '../presenters/task-presenter.js';
import type { Services } from '../services.js';
import { readMyGrid, readProgress } from '../use-cases/read-progress.js';
import { listTasksForActor, readTaskForActor } from '../use-cases/read-tasks.js';
import { recordOutcomeForActor } from '../use-cases/record-task-outcome.js';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
const taskParams = z.object({ id: z.coerce.number().int().positive() });
const MAX_PHOTO_BYTES = 200 * 1024;
const outcomeBody = z.object({
  clientId: z.uuid().describe('chosen by the phone; sending it again is a replay that adds nothing'),
  code: z.enum(outcomeCodes),
  note: z.string().trim().max(2000).optional(),
  facilityId: z.number().int().positive().optional().describe('the isolation facility, required for `transferred`'),
  photo: z.string().max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 100).optional().describe('data URL of an image, at most 200 kB'),
  recordedAt: z.iso.datetime({ offset: true }),
});

function decodePhoto(dataUrl: string | undefined): Uint8Array | null {
  if (dataUrl === undefined) return null;
  const match = /^data:image\/(png|jpeg|webp);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (match === null) throw new DomainError('validation_failed', { field: 'photo', reason: 'not a base64 data URL of a PNG, JPEG or WebP image' });
  const bytes = Buffer.from(match[2]!, 'base64');
  if (bytes.length > MAX_PHOTO_BYTES) throw new DomainError('validation_failed', { field: 'photo', reason: `${bytes.length} bytes; at most ${MAX_PHOTO_BYTES}` });
  return bytes;
}

/**
 * Tasks of the closed loop: lists by deadline, one task, outcomes (idempotent by client id), the
 * worker's grid and the progress view per level.
 * @param app - Fastify instance
 * @param options - services
 */
export const taskRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/api/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Your tasks (or your jurisdiction’s), by deadline',
        querystring: z.object({
          view: z.enum(['mine', 'region']).default('mine'),
          status: z.enum(['open', 'done', 'overdue']).default('open'),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          cursor: z.string().max(200).optional(),
        }),
        response: { 200: z.object({ tasks: z.array(taskViewSchema), next: z.string().nullable() }), ...errors },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const q = request.query;
      const page = await listTasksForActor(services, actor, { view: q.view, status: q.status, limit: q.limit, cursor: q.cursor ?? null });
      const now = services.now();
      return { tasks: page.tasks.map((t) => presentTask(t, now)), next: page.next };
    },
  );

  app.get(
    '/api/tasks/:id',
    { schema: { tags: ['tasks'], summary: 'One task', params: taskParams, response: { 200: taskViewSchema, ...errors } } },
    async (request) => {
      const { actor } = await authenticate(services, request);
      return presentTask(await readTaskForActor(services, actor, request.params.id), services.now());
    },
  );

  app.post(
    '/api/tasks/:id/outcomes',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Record the outcome of a task (201); the same clientId again returns 200 and adds nothing',
        params: taskParams,
        body: outcomeBody,
        response: { 200: z.object({ task: taskViewSchema }), 201: z.object({ task: taskViewSchema }), ...errors },
      },
    },
    async (request, reply) => {
      const { actor } = await authenticate(services, request);
      const body = request.body;
      const result = await recordOutcomeForActor(services, actor, request.params.id, {
        clientId: body.clientId.toLowerCase(),
        code: body.code,
        note: body.note === undefined || body.note === '' ? null : body.note,
        facilityId: body.facilityId ?? null,
        photo: decodePhoto(body.photo),
        recordedAt: new Date(body.recordedAt),
      });
      void reply.code(result.replayed ? 200 : 201);
      return { task: presentTask(result.task, services.now()) };
    },
  );

  app.get(
    '/api/grids/mine',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Your grid (or node): name, path, polygon, number of grid workers',
        response: {
          200: z.object({ code: z.string(), name: z.string(), path: z.string(), polygon: z.unknown().nullable(), workers: z.number() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const grid = await readMyGrid(services, actor);
      return { ...grid, polygon: grid.polygon ?? null };
    },
  );

  app.get(
    '/api/progress',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Progress of each child region: open, done today, overdue, median hours to control',
        querystring: z.object({ region: z.string().max(100).optional().describe('region code; your own node by default') }),
        response: {
          200: z.object({
            region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
            children: z.array(
              z.object({ code: z.string(), name: z.string(), level: z.string(), open: z.number(), doneToday: z.number(), overdue: z.number(), medianHoursToControl: z.number().nullable() }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { actor } = await authenticate(services, request);
      const report = await readProgress(services, actor, request.query.region ?? null);
      return { region: { code: report.region.code, name: report.region.name, level: report.region.level }, children: report.children };
    },
  );
};
