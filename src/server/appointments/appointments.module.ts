import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditService } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import type { JobScheduler } from '../jobs/index.js';
import type { Channels } from '../outreach/index.js';
import { createAgendaSetupRepository } from './agenda-setup.repository.js';
import { createAgendaSetupService } from './agenda-setup.service.js';
import { createAgendaTemplatesService } from './agenda-templates.service.js';
import { createAppointmentMessagesRepository } from './appointment-messages.repository.js';
import { createAppointmentRepository } from './appointment.repository.js';
import { createAppointmentService } from './appointment.service.js';
import { registerAppointmentRoutes } from './appointments.routes.js';
import { createDailySheet } from './daily-sheet.js';
import { createEmployerInterviews } from './employer-interviews.js';
import { createFeedService } from './feed.service.js';
import { createAppointmentNotifications } from './notifications.js';
import { createWorkerLinkService } from './worker-link.service.js';
import { createWorkshopInvitations } from './workshop-invitations.service.js';
import { createWorkshopLinkService } from './workshop-link.service.js';
import { createWorkshopNotifications } from './workshop-notifications.js';
import { createWorkshopRepository } from './workshop.repository.js';
import { registerWorkshopRoutes } from './workshop.routes.js';
import { createWorkshopService } from './workshop.service.js';

/**
 * The agenda, wired once: buildApp constructs it with the app's e-mail and SMS channels (the ones
 * outreach uses) and registers it. `publicUrl` is the address workers reach the product at (env
 * PUBLIC_URL): their links and the consultants' feeds point there, and its host name makes the
 * iCalendar UIDs unique to the installation.
 */
export function createAppointmentsModule(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: () => Date;
  channels: Channels;
  publicUrl?: string;
}) {
  const { db, audit, clock } = deps;
  const publicUrl = deps.publicUrl ?? process.env.PUBLIC_URL ?? 'http://localhost:3000';
  const calendarHost = new URL(publicUrl).hostname || 'ricolloca.local';
  const setupRepository = createAgendaSetupRepository();
  const appointmentRepository = createAppointmentRepository();
  const messages = createAppointmentMessagesRepository();
  const notifications = createAppointmentNotifications({
    db,
    appointments: appointmentRepository,
    messages,
    channels: deps.channels,
    clock,
    publicUrl,
  });
  const workshopRepository = createWorkshopRepository();
  const appointments = createAppointmentService({
    db,
    setup: setupRepository,
    appointments: appointmentRepository,
    notifications,
    messages,
    workshops: workshopRepository,
    audit,
    clock,
    calendarHost,
  });
  const interviews = createEmployerInterviews({
    setup: setupRepository,
    appointments: appointmentRepository,
    notifications,
    audit,
    clock,
  });
  const setup = createAgendaSetupService({ db, setup: setupRepository, appointments: appointmentRepository, audit, clock });
  const links = createWorkerLinkService({
    db,
    setup: setupRepository,
    appointments: appointmentRepository,
    messages,
    service: appointments,
    audit,
    clock,
  });
  const feed = createFeedService({ db, appointments: appointmentRepository, messages, audit, clock, publicUrl });
  const dailySheet = createDailySheet({ db, service: appointments, audit, clock });
  const workshopNotifications = createWorkshopNotifications({
    db,
    workshops: workshopRepository,
    messages,
    channels: deps.channels,
    clock,
    calendarHost,
    publicUrl,
  });
  const workshops = createWorkshopService({
    db,
    workshops: workshopRepository,
    setup: setupRepository,
    notifications: workshopNotifications,
    messages,
    audit,
    clock,
  });
  const workshopInvitations = createWorkshopInvitations({ db, workshops: workshopRepository, service: workshops, audit });
  const workshopLinks = createWorkshopLinkService({
    db,
    workshops: workshopRepository,
    messages,
    seats: workshops.places,
    audit,
    clock,
  });
  const templates = createAgendaTemplatesService({ db, messages, audit, clock });
  return {
    db,
    appointments,
    setup,
    links,
    feed,
    dailySheet,
    notifications,
    workshops,
    workshopInvitations,
    workshopLinks,
    workshopNotifications,
    templates,
    /** The employer interview applications book and cancel (employer-interviews.ts). */
    interviews,
  };
}

export type AppointmentsModule = ReturnType<typeof createAppointmentsModule>;

/** Routes, and the notification and reminder handlers of the job queue. */
export function registerAppointmentsRoutes(app: FastifyInstance, module: AppointmentsModule, jobs: JobScheduler) {
  registerAppointmentRoutes(app, module);
  registerWorkshopRoutes(app, module.db, module.workshops, module.workshopInvitations, module.workshopLinks);
  for (const handler of [...module.notifications.handlers, ...module.workshopNotifications.handlers]) jobs.register(handler);
}
