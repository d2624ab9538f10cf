import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import type { JobScheduler, PeriodicJob } from '../jobs/index.js';
import type { EmployerInterviews } from '../appointments/index.js';
import type { PlacementService } from '../placements/index.js';
import type { EmailSender } from '../outreach/index.js';
import { createApplicationRepository } from './application.repository.js';
import { registerApplicationRoutes } from './application.routes.js';
import { createApplicationService, type ApplicationService, type PlaceOnHire } from './application.service.js';
import { createEmployerLinkService } from './employer-link.service.js';
import { createEmployerMailRepository } from './employer-mail.repository.js';
import { createEmployerMail, type EmployerReminderSender } from './employer-mail.service.js';

/**
 * Applications, wired once: buildApp hands in placements, programmes' hire move, the agenda's interviews and outreach's
 * e-mail channel for the employer's e-mails (without it nothing is sent: a test's service), and
 * registers the routes and the daily expiry. `publicUrl` is where the employer's outcome link points.
 */
export function createApplicationsModule(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: () => Date;
  placements: PlacementService;
  placeOnHire: PlaceOnHire;
  /** The agenda's employer interview: booked by «interview», cancelled when the application closes before it. */
  interviews: EmployerInterviews;
  sendEmployerReminder?: EmployerReminderSender;
  email?: EmailSender;
  publicUrl?: string;
  log?: { error(o: object, m?: string): void };
}) {
  const repository = createApplicationRepository();
  const mailRepository = createEmployerMailRepository();
  const employerMail = deps.email
    ? createEmployerMail({
        db: deps.db,
        applications: repository,
        mail: mailRepository,
        email: deps.email,
        clock: deps.clock,
        publicUrl: deps.publicUrl ?? process.env.PUBLIC_URL ?? 'http://localhost:3000',
        log: deps.log,
      })
    : undefined;
  return {
    applications: createApplicationService({ ...deps, repository, mailRepository, employerMail }),
    outcomeLinks: createEmployerLinkService({
      db: deps.db,
      applications: repository,
      mail: mailRepository,
      audit: deps.audit,
      clock: deps.clock,
    }),
  };
}

export type ApplicationsModule = ReturnType<typeof createApplicationsModule>;

export const APPLICATION_EXPIRY_KIND = 'applications.expiry';
const DAY_MS = 86_400_000;

/** The daily expiry and employer reminders on the job queue: once at start, then every day. */
export function applicationExpiryJob(
  service: ApplicationService,
  log: FastifyInstance['log'] | { info(o: object, m?: string): void },
  everyMs = DAY_MS,
): PeriodicJob {
  return {
    kind: APPLICATION_EXPIRY_KIND,
    everyMs,
    runAtStart: true,
    run: async () => {
      const done = await service.expireOverdue();
      if (done.expired > 0 || done.reminders > 0)
        log.info(done, 'applications: employer reminders recorded, unanswered applications expired');
    },
  };
}

/** Routes, and the expiry (env APPLICATION_EXPIRY_INTERVAL_MS, 0 = off). */
export function registerApplicationsRoutes(app: FastifyInstance, module: ApplicationsModule, jobs: JobScheduler) {
  registerApplicationRoutes(app, module.applications, module.outcomeLinks);
  const interval = Number(process.env.APPLICATION_EXPIRY_INTERVAL_MS ?? DAY_MS);
  if (interval > 0) jobs.registerPeriodic(applicationExpiryJob(module.applications, app.log, interval));
}
