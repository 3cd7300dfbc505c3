import type { FastifyInstance, RouteOptions } from 'fastify';

type FastifyModule = typeof import('fastify');

/**
 * For `vi.mock('fastify', ...)`: a Fastify whose instances record every route as it is registered.
 * buildApp() creates its own instance and registers the modules before it returns, so the onRoute
 * hook has to be there from the instance's creation.
 */
export function recordingFastify(fastify: FastifyModule, routes: RouteOptions[]): object {
  const create = ((options?: Parameters<FastifyModule['default']>[0]) => {
    const app: FastifyInstance = fastify.default(options);
    app.addHook('onRoute', (route) => {
      routes.push(route);
    });
    return app;
  }) as FastifyModule['default'];
  return { ...fastify, default: create };
}
