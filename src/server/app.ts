import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from './db/database.js';
import { createGroupedCalls } from './db/grouped.js';
import { databaseIsReachable } from './db/migrate.js';
import { registerErrorHandling, sendProblem } from './http/error-handler.js';
import { httpErrors } from './http/http.errors.js';
import { handleClientError, handleFrameworkError, registerInputGuards } from './http/input-guards.js';
import { DomainError } from './http/problem.js';
import { ALREADY_READY, type Readiness } from './http/readiness.js';
import { createRouteRegistry } from './http/route-registry.js';
import { registerSecurityHeaders } from './http/security.js';
import { withProblemResponses } from './http/openapi-problems.js';
import { APP_VERSION } from './version.js';
import { createAppointmentsModule, registerAppointmentsRoutes, canManageAgenda, canUseAgenda } from './appointments/index.js';
import { canImportCv, createCvImportModule, registerCvImportModuleRoutes } from './cv/index.js';
import { createAuditModule, registerAuditRoutes, canReadAuditLog } from './audit/index.js';
import { createAuthModule, registerAuthRoutes, canManageStaff } from './auth/index.js';
import { createCompaniesModule, registerCompaniesRoutes, canManageCompanies } from './companies/index.js';
import { createEmployersModule, registerEmployersRoutes, canManageEmployers } from './employers/index.js';
import { createCvExportModule, registerCvExportRoutes, canEditCvs, canReadCvs } from './cv/index.js';
import { createImportsModule, registerImportsRoutes, canImportWorkers } from './imports/index.js';
import { createJobsModule, registerJobsRoutes } from './jobs/index.js';
import {
  createOrganisationModule,
  registerOrganisationRoutes,
  canManageOffices,
  officeIdsInNetwork,
  officeNamesById,
  officeSummaries,
} from './organisation/index.js';
import { createOutreachModule, registerOutreachRoutes, canManageHotline, canManageOutreach, canUseHotline } from './outreach/index.js';
import { createPeopleModule, registerPeopleRoutes, canEditWorkers, workerCountsByCigsCase, workersOfCigsCases } from './people/index.js';
import {
  createProgrammesModule,
  registerProgrammesRoutes,
  canManageProgrammes,
  canRegisterWorkers,
  latestEnrollmentStates,
} from './programmes/index.js';
import { createProfilesModule, registerProfilesRoutes, canEditProfiles } from './profiles/index.js';
import { createPlansModule, registerPlansRoutes, canWorkOnPlans } from './plans/index.js';
import { createReportsModule, registerReportsRoutes, canReadReports } from './reports/index.js';
import { createServicesModule, registerServicesRoutes, canRecordServices } from './services/index.js';
import {
  canManageSkillLabels,
  createSkillLabelsModule,
  createTaxonomyModule,
  registerSkillLabelsRoutes,
  registerTaxonomyRoutes,
} from './taxonomy/index.js';
import { canReadSkillGap, createSkillGapModule, registerSkillGapRoutes, type SkillGapSources } from './skillgap/index.js';
import { createSetupModule, registerSetupRoutes, type SetupLink } from './setup/index.js';
import {
  createTrainingModule,
  registerTrainingRoutes,
  canEnrolWorkers,
  canManageCatalogue,
  coursesTeachingSkills,
} from './training/index.js';
import { canWriteVacancies, createVacanciesModule, registerVacanciesRoutes, vacancyRefsByIds } from './vacancies/index.js';
import { canManageCcnlMinimums, createContractsModule, registerContractsRoutes } from './contracts/index.js';
import {
  canMoveApplications,
  canProposeApplications,
  createApplicationsModule,
  employerHistories,
  applicationStageCounts,
  registerApplicationsRoutes,
  responseByVacancy,
} from './applications/index.js';
import { canWorkOnPlacements, createPlacementsModule, registerPlacementsRoutes } from './placements/index.js';
import { canSearchCandidates, createMatchingModule, registerMatchingRoutes } from './matching/index.js';
import { addProfileSkills, profileSkillUris } from './profiles/index.js';
import { fastifyTrustProxy, type TrustProxy } from './config.js';

export interface AppDeps {
  database: Database;
  clock?: () => Date;
  logLevel?: string;
  /** The reverse proxies whose X-Forwarded-* are believed: none (default), N hops, or these addresses/CIDRs. */
  trustProxy?: TrustProxy;
  /**
   * Whether the database holds the demo (published accounts): /api/health says so and the sign-in
   * page shows the demo accounts only then. A function when `serve` learns it after listening.
   */
  demo?: boolean | (() => boolean);
  /** The one-time first-access link `serve` issues on a real installation's first start. */
  setupLink?: SetupLink;
  /** Directory of the built web app; when it exists it is served at /. */
  webDir?: string;
  /** The address workers and calendars reach the product at (PUBLIC_URL): links in messages point there. */
  publicUrl?: string;
  /** Whether the database is prepared yet (default: it is). Until it is, the API answers 503. */
  readiness?: Readiness;
  /**
   * The worker's profile skills and the course catalogue the skill gap reads: profiles' and
   * training's published reads unless given. Only bench/skill-gap.bench.ts hands in a catalogue of
   * its own (500 generated courses); the tests build their world through the real domains.
   */
  skillGapSources?: SkillGapSources;
}

/** The skill gap reads the worker's profile skills (profiles) and the catalogue (training). */
const SKILL_GAP_SOURCES: SkillGapSources = {
  profileSkillUris,
  coursesTeachingSkills: async (db, input) =>
    (await coursesTeachingSkills(db, input)).map((c) => ({
      id: c.courseId,
      title: c.title,
      providerName: c.providerName,
      hours: c.hours,
      seatsLeft: c.seatsLeft,
      startDate: c.startDate,
      enrolmentOpen: c.enrolmentOpen,
      enrolmentDeadline: c.enrolmentDeadline,
      skillUris: c.skillUris,
    })),
};

export const BODY_LIMIT_BYTES = 1024 * 1024;
/** A request answered later than this is logged at info even when it succeeded. */
const SLOW_REQUEST_MS = 1000;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? (() => new Date());
  const { db } = deps.database;

  const app = Fastify({
    logger: {
      level: deps.logLevel ?? 'info',
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    // Fastify's two lines per request cost a large share of a fast request: one compact line is
    // written instead for a failed or slow request (below); 5xx are logged with their stack.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: fastifyTrustProxy(deps.trustProxy ?? false),
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
    // The router's and Node's own refusals are problem+json too (http/input-guards.ts).
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body to an API route is a 415, not a string to validate.
  app.removeContentTypeParser('text/plain');
  // Callback hooks, not async ones: they run on every request, and cost no promise.
  app.addHook('onResponse', (request, reply, done) => {
    const ms = reply.elapsedTime;
    if (reply.statusCode >= 400 || ms >= SLOW_REQUEST_MS) {
      request.log.info({ method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(ms) }, 'request');
    } else {
      request.log.debug({ method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(ms) }, 'request');
    }
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done(null, payload);
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
  registerInputGuards(app);
  registerSecurityHeaders(app);
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
    // Every operation also lists its problem+json answers (400/401/403/404/409…) with the Problem schema.
    transform: withProblemResponses(jsonSchemaTransform),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });

  // Every domain is a module: create<Domain>Module(deps) builds its repositories and services from
  // what it is handed (the database, the clock, the audit log, other modules' published functions),
  // in dependency order, here, by hand; register<Domain>Routes adds its routes below.
  const auditModule = createAuditModule({ db, directory: { officeIdsInNetwork, officeNamesById } });
  const audit = auditModule.service;
  // The durable job queue: other modules register their background work with it.
  const jobs = createJobsModule({ db, databaseKind: deps.database.kind, audit, clock, log: app.log });
  const auth = createAuthModule({
    database: deps.database,
    audit,
    offices: { byIds: (ids) => officeSummaries(db, ids), idsInNetwork: (networkId) => officeIdsInNetwork(db, networkId) },
    // Capability name → policy; the web shows only what the current user may do.
    capabilities: {
      'offices.manage': canManageOffices,
      'staff.manage': canManageStaff,
      'audit.read': canReadAuditLog,
      'workers.import': canImportWorkers,
      'workers.edit': canEditWorkers,
      'companies.manage': canManageCompanies,
      'employers.manage': canManageEmployers,
      'programmes.manage': canManageProgrammes,
      'enrollments.register': canRegisterWorkers,
      'reports.read': canReadReports,
      'hotline.use': canUseHotline,
      'hotline.manage': canManageHotline,
      'outreach.manage': canManageOutreach,
      'agenda.use': canUseAgenda,
      'agenda.manage': canManageAgenda,
      'profiles.edit': canEditProfiles,
      'training.manage': canManageCatalogue,
      'training.enrol': canEnrolWorkers,
      'vacancies.write': canWriteVacancies,
      'ccnlMinimums.manage': canManageCcnlMinimums,
      'applications.propose': canProposeApplications,
      'applications.move': canMoveApplications,
      'candidates.search': canSearchCandidates,
      'placements.work': canWorkOnPlacements,
      'plans.work': canWorkOnPlans,
      'services.record': canRecordServices,
      'cvs.read': canReadCvs,
      'cvs.edit': canEditCvs,
      'cv.import': canImportCv,
      'skillLabels.manage': canManageSkillLabels,
      'skillGap.read': canReadSkillGap,
    },
    clock,
  });
  const organisation = createOrganisationModule({ db, audit, clock });
  const taxonomy = createTaxonomyModule({ database: deps.database, log: app.log });
  // The skills the network uses come from profiles and training once merged: for now its own labels.
  const skillLabels = createSkillLabelsModule({ db, audit, clock, usedSkillUris: async () => [] });
  const skillGap = createSkillGapModule({ db, audit, clock, sources: deps.skillGapSources ?? SKILL_GAP_SOURCES });
  const companies = createCompaniesModule({
    db,
    audit,
    clock,
    cohort: { workerCountsByCigsCase, workersOfCigsCases, latestEnrollmentStates },
  });
  // An employer's history and response indicator are applications' one definition of an answer.
  const employers = createEmployersModule({ db, audit, clock, history: employerHistories });
  const people = createPeopleModule({ db, audit, clock });
  const profiles = createProfilesModule({ db, audit });
  // The staff's notices name the vacancy of an application's notice.
  const programmes = createProgrammesModule({ db, audit, clock, vacancyTitles: vacancyRefsByIds });
  const reports = createReportsModule({ db, audit, clock });
  const services = createServicesModule({ db, audit, clock });
  const imports = createImportsModule({ db, kind: deps.database.kind, audit, clock });
  // The hotline registers callers in a programme inside its own transaction.
  const outreach = createOutreachModule({ db, audit, clock, programmes: programmes.enrollments });
  // The agenda sends its confirmations and reminders through the same e-mail and SMS channels.
  const agenda = createAppointmentsModule({ db, audit, clock, channels: outreach.channels, publicUrl: deps.publicUrl });

  // Completing a course adds its skills to the profile: profiles' addProfileSkills is handed in here once that domain is merged.
  // Signing a plan moves the enrolment to "enrolled", in the signature's transaction.
  const plans = createPlansModule({ db, audit, clock, enrollOnPlanSigned: programmes.enrollments.enrollOnPlanSigned });
  // The CV import proposes ESCO skills for the skills a CV names in free text.
  const cvImport = createCvImportModule({
    db,
    audit,
    searchSkills: (q, lang) => taxonomy.search.search('skill', { q, limit: 5, lang }),
  });
  // Completing a course adds its skills to the worker's profile (source 'course') in the same transaction.
  const training = createTrainingModule({ db, audit, clock, addProfileSkills });
  const vacancies = createVacanciesModule({ db, audit, clock, responses: responseByVacancy, stages: applicationStageCounts });
  const contracts = createContractsModule({ db, audit, clock });
  // A hire creates its placement and closes the worker's enrolment as placed, in the move's transaction.
  // An early end reopens the worker's programme enrolment through programmes' «reopen» move, in its transaction.
  const placements = createPlacementsModule({ db, audit, clock, reopenAfterEarlyEnd: programmes.enrollments.reopenAfterEarlyEnd });
  const applications = createApplicationsModule({
    db,
    audit,
    clock,
    placements: placements.placements,
    placeOnHire: programmes.enrollments.placeOnHire,
    // The candidates and reminders to employers go through the same e-mail channel as the agenda's.
    email: outreach.channels.email,
    publicUrl: deps.publicUrl,
    log: app.log,
    // The «interview» move books the worker's meeting at the employer's in the agenda, in its transaction.
    interviews: agenda.interviews,
  });
  const matching = createMatchingModule({ db, audit, clock });

  const setup = createSetupModule({ db, audit, clock, link: deps.setupLink });
  const cvExport = createCvExportModule({ db, audit, clock });

  const readiness = deps.readiness ?? ALREADY_READY;
  const demo = deps.demo;
  const demoMode = typeof demo === 'function' ? demo : () => demo ?? false;
  // While `serve` prepares the database, only health and the API's own description answer.
  app.addHook('onRequest', (request, reply, done) => {
    if (readiness.isReady() || !request.url.startsWith('/api/')) return done();
    if (request.url.startsWith('/api/health') || request.url.startsWith('/api/docs') || request.url.startsWith('/api/openapi.json'))
      return done();
    reply.header('retry-after', '3');
    done(httpErrors.starting());
  });
  // Health checks that arrive together share one `select 1` (db/grouped.ts): each still waits for
  // a round trip to the database that started after it arrived.
  const databaseCheck = createGroupedCalls<null, boolean>(async (calls) => {
    const ok = await databaseIsReachable(deps.database);
    return calls.map(() => ok);
  });
  // First: access control runs in onRequest for every route registered after it.
  registerAuthRoutes(app, auth);

  app.withTypeProvider().get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['Servizio'],
      summary: 'Stato del servizio e raggiungibilità del database',
      response: {
        200: z.object({ status: z.literal('ok'), database: z.literal('ok'), version: z.string(), demo: z.boolean() }),
        503: z.union([
          z.object({ status: z.literal('degraded'), database: z.literal('unreachable'), version: z.string(), demo: z.boolean() }),
          z.object({ status: z.literal('starting'), phase: z.string(), version: z.string(), demo: z.boolean() }),
        ]),
      },
    },
    handler: async (_request, reply) => {
      if (!readiness.isReady()) {
        return reply
          .code(503)
          .header('retry-after', '3')
          .send({ status: 'starting', phase: readiness.phase(), version: APP_VERSION, demo: demoMode() });
      }
      const ok = await databaseCheck.call(null);
      if (!ok) return reply.code(503).send({ status: 'degraded', database: 'unreachable', version: APP_VERSION, demo: demoMode() });
      return { status: 'ok', database: 'ok', version: APP_VERSION, demo: demoMode() };
    },
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerOrganisationRoutes(app, organisation);
  registerSetupRoutes(app, setup);
  registerAuditRoutes(app, auditModule);
  registerTaxonomyRoutes(app, taxonomy, readiness);
  registerSkillLabelsRoutes(app, skillLabels);
  registerSkillGapRoutes(app, skillGap);
  registerCompaniesRoutes(app, companies);
  registerEmployersRoutes(app, employers);
  registerPeopleRoutes(app, people);
  registerProfilesRoutes(app, profiles);
  registerImportsRoutes(app, imports, jobs);
  registerProgrammesRoutes(app, programmes);
  registerReportsRoutes(app, reports);
  registerServicesRoutes(app, services);
  registerOutreachRoutes(app, outreach, jobs);
  registerAppointmentsRoutes(app, agenda, jobs);
  registerTrainingRoutes(app, training);
  registerVacanciesRoutes(app, vacancies, jobs);
  registerContractsRoutes(app, contracts);
  registerApplicationsRoutes(app, applications, jobs);
  registerPlacementsRoutes(app, placements);
  registerMatchingRoutes(app, matching);
  registerPlansRoutes(app, plans);
  registerCvExportRoutes(app, cvExport);
  registerCvImportModuleRoutes(app, cvImport);
  registerJobsRoutes(app, jobs, readiness);

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
