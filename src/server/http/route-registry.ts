import type { FastifyInstance, RouteOptions } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';

export interface RegisteredRoute {
  method: string;
  url: string;
  access: unknown;
}

/**
 * Keeps the list of every route the app registered: the access-control test walks it, and the
 * not-found handler uses it to tell "no such resource" (404) from "no such method here" (405).
 */
export function createRouteRegistry() {
  const routes: RegisteredRoute[] = [];
  const router = FindMyWay({ ignoreTrailingSlash: false });
  const noop = () => {};

  return {
    routes,
    attach(app: FastifyInstance) {
      app.decorate('routeRegistry', this as RouteRegistry);
      app.addHook('onRoute', (route: RouteOptions) => {
        const methods = (Array.isArray(route.method) ? route.method : [route.method]) as HTTPMethod[];
        for (const method of methods) {
          routes.push({ method, url: route.url, access: route.config?.access });
          if (method !== 'HEAD' && !router.hasRoute(method, route.url)) router.on(method, route.url, noop);
        }
      });
    },
    allowedMethods(path: string): string[] {
      const methods: string[] = [];
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        if (router.find(method, path)) methods.push(method);
      }
      return methods;
    },
  };
}

export type RouteRegistry = ReturnType<typeof createRouteRegistry>;

declare module 'fastify' {
  interface FastifyInstance {
    routeRegistry: RouteRegistry;
  }
}
