import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from './db/database.js';
import { databaseIsReachable } from './db/migrate.js';
import { createAuditRepository } from './audit/index.js';
import { createAuditService } from './audit/index.js';
import { registerAuditRoutes } from './audit/index.js';
import { canReadAuditLog } from './audit/index.js';
import { registerAccessControl } from './auth/access.js';
import { canManageStaff } from './auth/auth.policy.js';
import { registerAuthRoutes } from './auth/auth.routes.js';
import { createAuthService } from './auth/auth.service.js';
import { createSessionRepository } from './auth/session.repository.js';
import { SESSION_CHANGED_CHANNEL, createSessionCache } from './auth/session-cache.js';
import { createSignInThrottle } from './auth/sign-in-throttle.js';
import { createStaffRepository } from './auth/staff.repository.js';
import { registerStaffRoutes } from './auth/staff.routes.js';
import { createStaffService } from './auth/staff.service.js';
import { registerErrorHandling, sendProblem } from './http/error-handler.js';
import { httpErrors } from './http/http.errors.js';
import { DomainError } from './http/problem.js';
import { ALREADY_READY, type Readiness } from './http/readiness.js';
import { createRouteRegistry } from './http/route-registry.js';
import { registerSecurityHeaders } from './http/security.js';
import { createOfficeRepository } from './organisation/office.repository.js';
import { registerOfficeRoutes } from './organisation/office.routes.js';
import { createOfficeService } from './organisation/office.service.js';
import { canManageOffices } from './organisation/organisation.policy.js';
import { createCompanyRepository } from './companies/company.repository.js';
import { registerCompanyRoutes } from './companies/company.routes.js';
import { createCompanyService } from './companies/company.service.js';
import { createWorkerRepository } from './people/worker.repository.js';
import { registerWorkerRoutes } from './people/worker.routes.js';
import { createWorkerService } from './people/worker.service.js';
import { canEditWorkers } from './people/worker.policy.js';
import { canManageCompanies } from './companies/company.policy.js';
import { createTaxonomyServices, registerTaxonomy } from './taxonomy/taxonomy.module.js';
import { createProgrammeModule, registerProgrammeModule } from './programmes/programme.module.js';
import { canManageProgrammes, canRegisterWorkers } from './programmes/programme.policy.js';
import { canReadReports } from './reports/reports.policy.js';
import { checkEligibility } from './programmes/eligibility.js';
import { createOutreachModule, registerOutreachModule } from './outreach/outreach.module.js';
import { canManageHotline, canManageOutreach, canUseHotline } from './outreach/outreach.policy.js';
import { APP_VERSION } from './version.js';
import { createImportService } from './imports/imports.service.js';
import { registerImportRoutes } from './imports/imports.routes.js';
import { canImportWorkers } from './imports/imports.policy.js';

export interface AppDeps {
  database: Database;
  clock?: () => Date;
  logLevel?: string;
  trustProxy?: boolean;
  /** Directory of the built web app; when it exists it is served at /. */
  webDir?: string;
  /** Whether the database is prepared yet (default: it is). Until it is, the API answers 503. */
  readiness?: Readiness;
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? (() => new Date());
  const { db } = deps.database;

  const app = Fastify({
    logger: {
      level: deps.logLevel ?? 'info',
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body to an API route is a 415, not a string to validate.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  // Documentation routes describe the API and hold no data: they are public.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), access: 'public' };
  });
  // Every API route must say who may call it; a route without a policy does not start.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.config?.access === undefined && route.method !== 'HEAD') {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access policy`);
    }
  });
  const registry = createRouteRegistry();
  registry.attach(app);
  registerErrorHandling(app);
  await registerSecurityHeaders(app);
  await app.register(cookie);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ricolloca API',
        version: APP_VERSION,
        description:
          'API dei programmi di ricollocazione dei Centri per l’impiego. Autenticazione con cookie di sessione; ' +
          'le richieste di scrittura richiedono l’intestazione X-CSRF-Token restituita da /api/v1/auth/session. ' +
          'Gli errori sono application/problem+json (RFC 9457) con un codice stabile.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ricolloca_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  // Repositories and services: plain objects wired here, by hand, in one place.
  const auditService = createAuditService({ db, repository: createAuditRepository() });
  const officeRepository = createOfficeRepository();
  const sessionRepository = createSessionRepository();
  const sessionCache = createSessionCache();
  // The cache is trusted only while the database's notifications of changed sessions arrive.
  // Subscribed in the background: a PGlite database may still be opening.
  let closing = false;
  const sessionNotifications = deps.database
    .listen(SESSION_CHANGED_CHANNEL, {
      onNotify: (tokenHash) => sessionCache.forget(tokenHash),
      onLive: (live) => {
        sessionCache.setLive(live);
        if (live) app.log.debug('session change notifications: subscribed');
        else if (!closing) app.log.warn('session change notifications lost: sessions are read from the database until they are back');
      },
    })
    .catch((err: unknown) => {
      app.log.error({ err }, 'session change notifications unavailable: sessions are read from the database');
      return async () => undefined;
    });
  app.addHook('onClose', async () => {
    closing = true;
    await (await sessionNotifications)();
  });
  const staffRepository = createStaffRepository();
  const authService = createAuthService({
    db,
    sessions: sessionRepository,
    sessionCache,
    staff: staffRepository,
    throttle: createSignInThrottle(),
    audit: auditService,
    offices: { namesByIds: (ids) => officeRepository.namesByIds(db, ids) },
    capabilities: {
      'offices.manage': canManageOffices,
      'staff.manage': canManageStaff,
      'audit.read': canReadAuditLog,
      'workers.import': canImportWorkers,
      'workers.edit': canEditWorkers,
      'companies.manage': canManageCompanies,
      'programmes.manage': canManageProgrammes,
      'enrollments.register': canRegisterWorkers,
      'reports.read': canReadReports,
      'hotline.use': canUseHotline,
      'hotline.manage': canManageHotline,
      'outreach.manage': canManageOutreach,
    },
    clock,
  });
  const staffService = createStaffService({
    db,
    staff: staffRepository,
    sessions: sessionRepository,
    sessionCache,
    audit: auditService,
    offices: { idsInNetwork: (networkId) => officeRepository.idsInNetwork(db, networkId) },
    clock,
  });
  const officeService = createOfficeService({ db, offices: officeRepository, audit: auditService, clock });
  const programmeModule = createProgrammeModule({ db, audit: auditService, clock });
  const outreachModule = createOutreachModule({ db, audit: auditService, clock, programmes: { checkEligibility, register: (ctx, input) => programmeModule.enrollments.register(ctx, input) } });
  const companyService = createCompanyService({ db, companies: createCompanyRepository(), audit: auditService, clock });
  const workerService = createWorkerService({ db, workers: createWorkerRepository(), audit: auditService, clock });
  const taxonomyServices = createTaxonomyServices({ database: deps.database, log: app.log });

  const readiness = deps.readiness ?? ALREADY_READY;
  // While `serve` prepares the database, only health and the API's own description answer.
  app.addHook('onRequest', async (request, reply) => {
    if (readiness.isReady() || !request.url.startsWith('/api/')) return;
    if (request.url.startsWith('/api/health') || request.url.startsWith('/api/docs') || request.url.startsWith('/api/openapi.json')) return;
    reply.header('retry-after', '3');
    throw httpErrors.starting();
  });
  registerAccessControl(app, authService);


  app.withTypeProvider().get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['Servizio'],
      summary: 'Stato del servizio e raggiungibilità del database',
      response: {
        200: z.object({ status: z.literal('ok'), database: z.literal('ok'), version: z.string() }),
        503: z.union([
          z.object({ status: z.literal('degraded'), database: z.literal('unreachable'), version: z.string() }),
          z.object({ status: z.literal('starting'), phase: z.string(), version: z.string() }),
        ]),
      },
    },
    handler: async (_request, reply) => {
      if (!readiness.isReady()) {
        return reply.code(503).header('retry-after', '3').send({ status: 'starting', phase: readiness.phase(), version: APP_VERSION });
      }
      const ok = await databaseIsReachable(deps.database);
      if (!ok) return reply.code(503).send({ status: 'degraded', database: 'unreachable', version: APP_VERSION });
      return { status: 'ok', database: 'ok', version: APP_VERSION };
    },
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerAuthRoutes(app, authService);
  registerStaffRoutes(app, staffService);
  registerOfficeRoutes(app, officeService);
  registerAuditRoutes(app, auditService);
  registerImportRoutes(app, createImportService({ db, kind: deps.database.kind, audit: auditService, clock }));
  registerProgrammeModule(app, programmeModule);
  registerOutreachModule(app, outreachModule, readiness);
  registerCompanyRoutes(app, companyService);
  registerWorkerRoutes(app, workerService);
  registerTaxonomy(app, taxonomyServices, readiness);

  const webDir = deps.webDir;
  const serveWeb = webDir !== undefined && existsSync(join(webDir, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: '1h' });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) {
      const allowed = registry.allowedMethods(path);
      if (allowed.length > 0) {
        reply.header('allow', allowed.join(', '));
        return sendProblem(request, reply, httpErrors.methodNotAllowed());
      }
      return sendProblem(request, reply, httpErrors.notFound());
    }
    // The web app routes on the client: any other GET for a page gets index.html.
    if (serveWeb && (request.method === 'GET' || request.method === 'HEAD') && !/\.[a-z0-9]+$/i.test(path)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(request, reply, httpErrors.notFound());
  });

  return app;
}

export { DomainError };
