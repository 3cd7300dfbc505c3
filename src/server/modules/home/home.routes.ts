import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { tasksAnswer, tasksQuery } from '../../../shared/schemas/home.js';
import { myTasks } from './home.service.js';

/** The home screen's summary: what waits for the signed-in user in one program. */
export async function homeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/me/tasks',
    { schema: { querystring: tasksQuery, response: { 200: tasksAnswer }, tags: ['home'] }, config: { access: 'user' } },
    async (req) => myTasks(ctxOf(req), req.query.programId),
  );
}
