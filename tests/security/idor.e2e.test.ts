import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Policy } from '../../src/server/auth/index.js';
import type { Role } from '../../src/server/db/schema.js';
import { createTestApp, officeIdByCode, type Agent, type TestApp } from '../helpers/test-app.js';
import { networkOf } from '../factories/programmes.js';
import { ESCO_MINI, escoMiniZips, removeFixtureZips } from '../fixtures/taxonomy/esco-fixture.js';
import { importEsco, readEscoZips } from '../../src/server/taxonomy/index.js';
import {
  ROLES,
  accountWith,
  buildWorld,
  createOffice,
  matrixPasswordHash,
  networkSecrets,
  personalSecrets,
  type World,
} from './idor-world.js';

/**
 * The IDOR matrix. Every route of the app is classified below; a route that is not fails the
 * test by name, so a new route is covered from its first day. Each route that names a record
 * (in its path, query or body) is called as every role its policy admits, held in another office:
 *
 * - `office` records (a worker and what is theirs: enrolment, callback, notice) belong to one
 *   office. Front office and consultants of another office of the same network, and everyone of
 *   another network, get 403 or 404 and nothing of the record. Coordinators, job matchers and
 *   administrators work across their network (auth/scope.ts): they read it (the documented
 *   exception), never across networks.
 * - `network` records (company, programme, campaign, template, import, staff, office) are shared
 *   by the offices of one network: another network gets 403 or 404.
 * - `list` routes take no record id (or only filters): whatever the answer, it carries nothing of
 *   another office's people, nor anything of another network.
 * - `skip`: routes that act on the caller alone or on nothing of an office, with the reason.
 *
 * Writes are called only where they must be refused, so the world stays as built.
 */

type Call = { method: string; url: string; body?: unknown; headers?: Record<string, string> };
type Scope = 'office' | 'network';
interface RecordCase {
  scope: Scope;
  call: (w: World) => Call;
  /** Refusals besides 403/404 that name nothing of the record: [status, code]. */
  alsoRefused?: Array<[number, string]>;
  /**
   * For `office` records: whether callers who work across the network are refused too (a notice
   * addressed to another role, the switch to an office where one holds no role).
   */
  refusedAcrossNetwork?: boolean;
  /**
   * Roles refused on another office's record even when they work across the network: job matchers
   * read only their own agenda (the employer interviews they record), not an office's meetings.
   */
  refusedForRoles?: readonly Role[];
}
interface ListCase {
  list: (w: World) => Call;
}
interface SkipCase {
  skip: string;
}
type Case = RecordCase | ListCase | SkipCase;

const get = (url: string): Call => ({ method: 'GET', url });
const post = (url: string, body: unknown = {}): Call => ({ method: 'POST', url, body });
const put = (url: string, body: unknown): Call => ({ method: 'PUT', url, body });
const patch = (url: string, body: unknown): Call => ({ method: 'PATCH', url, body });

/** A one-course catalogue for a provider of the world (the raw body of the catalogue import). */
const catalogueUpload = (step: 'dry-run' | 'apply', w: World): Call => ({
  method: 'POST',
  url: `/api/v1/training/imports/${step}?providerId=${w.trainingProviderId}`,
  body: 'Titolo;Ore;Data inizio;Data fine;Sede;Posti;Finanziamento\nCorso intruso;10;03/05/2027;07/05/2027;online;5;GOL\n',
  headers: { 'content-type': 'application/octet-stream' },
});

const ROUTES: Record<string, Case> = {
  // Sign-in and the caller's own session.
  'POST /api/v1/auth/sign-out': { skip: 'ends the caller’s own session; names no record' },
  'GET /api/v1/auth/session': { list: () => get('/api/v1/auth/session') },
  'PUT /api/v1/auth/session/office': {
    scope: 'office',
    call: (w) => put('/api/v1/auth/session/office', { officeId: w.officeId }),
    refusedAcrossNetwork: true,
  },
  'POST /api/v1/auth/password': { skip: 'changes the caller’s own password' },
  'PUT /api/v1/auth/preferences': { skip: 'changes the caller’s own language' },

  // Staff and offices.
  'GET /api/v1/staff': { list: () => get('/api/v1/staff') },
  'GET /api/v1/staff/:id': { scope: 'network', call: (w) => get(`/api/v1/staff/${w.ownerId}`) },
  'POST /api/v1/staff': {
    scope: 'network',
    call: (w) =>
      post('/api/v1/staff', {
        email: `intruso.${w.officeId.slice(0, 8)}@ricolloca.example`,
        fullName: 'Intruso Esterno',
        roles: [{ officeId: w.officeId, role: 'frontoffice' }],
      }),
    // A field error: the office is not one of the caller's network.
    alsoRefused: [[400, 'OFFICE_OUTSIDE_NETWORK']],
  },
  'PATCH /api/v1/staff/:id': { scope: 'network', call: (w) => patch(`/api/v1/staff/${w.ownerId}`, { fullName: 'Nome Cambiato' }) },
  'POST /api/v1/staff/:id/disable': { scope: 'network', call: (w) => post(`/api/v1/staff/${w.ownerId}/disable`) },
  'POST /api/v1/staff/:id/enable': { scope: 'network', call: (w) => post(`/api/v1/staff/${w.ownerId}/enable`) },
  'POST /api/v1/staff/:id/reset-password': { scope: 'network', call: (w) => post(`/api/v1/staff/${w.ownerId}/reset-password`) },
  'GET /api/v1/offices': { list: () => get('/api/v1/offices') },
  'GET /api/v1/offices/:id': { scope: 'network', call: (w) => get(`/api/v1/offices/${w.officeId}`) },
  'POST /api/v1/offices': { skip: 'opens an office in the caller’s own network; names no record' },
  'PATCH /api/v1/offices/:id': { scope: 'network', call: (w) => patch(`/api/v1/offices/${w.officeId}`, { phone: '+39 0522 000 000' }) },
  'GET /api/v1/audit': { list: (w) => get(`/api/v1/audit?workerId=${w.worker.id}&limit=100`) },
  // Background jobs that failed for good: the caller's network's and the system's own.
  'GET /api/v1/jobs': { list: () => get('/api/v1/jobs?state=failed') },

  // Reference data: the same for everyone.
  'GET /api/v1/taxonomy/occupations': { skip: 'reference data (ESCO), no office’s record' },
  'GET /api/v1/taxonomy/skills': { skip: 'reference data (ESCO), no office’s record' },
  'GET /api/v1/taxonomy/sectors': { skip: 'reference data (ATECO), no office’s record' },
  'GET /api/v1/taxonomy/education': { skip: 'reference data, no office’s record' },
  'GET /api/v1/taxonomy/ccnl': { skip: 'reference data, no office’s record' },
  'GET /api/v1/taxonomy/comuni': { skip: 'reference data (ISTAT), no office’s record' },
  'GET /api/v1/taxonomy/comuni/:istatCode/nearby': { skip: 'reference data (ISTAT), no office’s record' },
  'GET /api/v1/taxonomy/distance': { skip: 'reference data (ISTAT), no office’s record' },
  'GET /api/v1/taxonomy/sources': { skip: 'reference data, no office’s record' },
  'GET /api/v1/taxonomy/occupation-skills': { skip: 'reference data (ESCO), no office’s record' },
  // The network's Italian labels of ESCO skills: every call acts on the caller's own network's.
  'GET /api/v1/taxonomy/skill-labels': { list: () => get('/api/v1/taxonomy/skill-labels') },
  'PUT /api/v1/taxonomy/skill-labels': { skip: 'writes a label of the caller’s own network, keyed by an ESCO URI; names no record' },
  'DELETE /api/v1/taxonomy/skill-labels': { skip: 'removes a label of the caller’s own network, keyed by an ESCO URI; names no record' },
  'POST /api/v1/taxonomy/skill-labels/import': { skip: 'writes labels of the caller’s own network; names no record' },

  // Companies and CIGS cases.
  'GET /api/v1/companies': { list: (w) => get(`/api/v1/companies?q=${encodeURIComponent(w.companyName)}`) },
  'POST /api/v1/companies': { skip: 'creates a company in the caller’s own network; names no record' },
  'GET /api/v1/companies/:id': { scope: 'network', call: (w) => get(`/api/v1/companies/${w.companyId}`) },
  'PATCH /api/v1/companies/:id': {
    scope: 'network',
    call: (w) => patch(`/api/v1/companies/${w.companyId}`, { name: 'Rinominata S.r.l.' }),
  },
  'POST /api/v1/companies/:id/cigs-cases': {
    scope: 'network',
    call: (w) =>
      post(`/api/v1/companies/${w.companyId}/cigs-cases`, {
        reason: 'cessazione_attivita',
        authorisationRef: 'D.D. 9999/2026',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        workersInvolved: 10,
        notes: '',
      }),
  },
  'PATCH /api/v1/companies/:id/cigs-cases/:caseId': {
    scope: 'network',
    call: (w) => patch(`/api/v1/companies/${w.companyId}/cigs-cases/${w.caseId}`, { notes: 'Nota di un’altra rete' }),
  },
  'GET /api/v1/companies/:id/cohort': { scope: 'network', call: (w) => get(`/api/v1/companies/${w.companyId}/cohort`) },

  // Employers that hire: the network's, read by every office, changed by matchers, coordinators, administrators.
  'GET /api/v1/employers': { list: (w) => get(`/api/v1/employers?q=${encodeURIComponent(w.employerName)}`) },
  'POST /api/v1/employers': { skip: 'registers an employer in the caller’s own network; names no record' },
  'GET /api/v1/employers/:id': { scope: 'network', call: (w) => get(`/api/v1/employers/${w.employerId}`) },
  'PATCH /api/v1/employers/:id': {
    scope: 'network',
    call: (w) => patch(`/api/v1/employers/${w.employerId}`, { version: 1, name: 'Rinominata S.r.l.' }),
  },
  'POST /api/v1/employers/:id/sites': {
    scope: 'network',
    call: (w) => post(`/api/v1/employers/${w.employerId}/sites`, { comuneCode: '036023' }),
  },
  'PATCH /api/v1/employers/:id/sites/:siteId': {
    scope: 'network',
    call: (w) => patch(`/api/v1/employers/${w.employerId}/sites/${w.employerSiteId}`, { address: 'Via Intrusa 1' }),
  },
  'DELETE /api/v1/employers/:id/sites/:siteId': {
    scope: 'network',
    call: (w) => ({ method: 'DELETE', url: `/api/v1/employers/${w.employerId}/sites/${w.employerSiteId}` }),
  },
  'POST /api/v1/employers/:id/contacts': {
    scope: 'network',
    call: (w) => post(`/api/v1/employers/${w.employerId}/contacts`, { fullName: 'Intruso Esterno', role: 'other' }),
  },
  'PATCH /api/v1/employers/:id/contacts/:contactId': {
    scope: 'network',
    call: (w) => patch(`/api/v1/employers/${w.employerId}/contacts/${w.employerContactId}`, { phone: '+39 0522 000 000' }),
  },
  'DELETE /api/v1/employers/:id/contacts/:contactId': {
    scope: 'network',
    call: (w) => ({ method: 'DELETE', url: `/api/v1/employers/${w.employerId}/contacts/${w.employerContactId}` }),
  },
  'PUT /api/v1/employers/:id/consent': {
    scope: 'network',
    call: (w) => put(`/api/v1/employers/${w.employerId}/consent`, { channel: 'email' }),
  },
  'DELETE /api/v1/employers/:id/consent': {
    scope: 'network',
    call: (w) => ({ method: 'DELETE', url: `/api/v1/employers/${w.employerId}/consent` }),
  },

  // Workers.
  'GET /api/v1/workers': { list: (w) => get(`/api/v1/workers?q=${encodeURIComponent(w.worker.lastName)}&officeId=${w.officeId}`) },
  'GET /api/v1/workers/duplicates': { list: (w) => get(`/api/v1/workers/duplicates?phone=${encodeURIComponent(w.worker.phone)}`) },
  'POST /api/v1/workers': {
    scope: 'office',
    call: (w) => post('/api/v1/workers', { firstName: 'Nicolò', lastName: 'D’Angelo', phone: '3471112233', officeId: w.officeId }),
    alsoRefused: [[400, 'VALIDATION_FAILED']],
    refusedAcrossNetwork: false,
  },
  'GET /api/v1/workers/:id': { scope: 'office', call: (w) => get(`/api/v1/workers/${w.worker.id}`) },
  'PATCH /api/v1/workers/:id': { scope: 'office', call: (w) => patch(`/api/v1/workers/${w.worker.id}`, { address: 'Via Altrove 1' }) },
  'POST /api/v1/workers/:id/consents': {
    scope: 'office',
    call: (w) => post(`/api/v1/workers/${w.worker.id}/consents`, { purpose: 'contact_sms', granted: true, channel: 'phone' }),
  },
  'GET /api/v1/workers/:id/notes': { scope: 'office', call: (w) => get(`/api/v1/workers/${w.worker.id}/notes`) },
  'POST /api/v1/workers/:id/notes': {
    scope: 'office',
    call: (w) => post(`/api/v1/workers/${w.worker.id}/notes`, { body: 'Nota scritta da un’altra sede' }),
  },
  'GET /api/v1/workers/:id/timeline': { scope: 'office', call: (w) => get(`/api/v1/workers/${w.worker.id}/timeline`) },

  // The worker's profile (profiles).
  'GET /api/v1/workers/:workerId/profile': { scope: 'office', call: (w) => get(`/api/v1/workers/${w.worker.id}/profile`) },
  'PUT /api/v1/workers/:workerId/profile': {
    scope: 'office',
    call: (w) => put(`/api/v1/workers/${w.worker.id}/profile`, { baseVersion: 1, summary: 'Scritto da un’altra sede' }),
  },
  'PATCH /api/v1/workers/:workerId/profile': {
    scope: 'office',
    call: (w) => patch(`/api/v1/workers/${w.worker.id}/profile`, { baseVersion: 1, drivingLicences: ['B', 'C'] }),
  },
  'GET /api/v1/workers/:workerId/profile/versions': {
    scope: 'office',
    call: (w) => get(`/api/v1/workers/${w.worker.id}/profile/versions`),
  },
  'GET /api/v1/workers/:workerId/profile/versions/:version': {
    scope: 'office',
    call: (w) => get(`/api/v1/workers/${w.worker.id}/profile/versions/1`),
  },
  'GET /api/v1/workers/:workerId/profile/completeness': {
    scope: 'office',
    call: (w) => get(`/api/v1/workers/${w.worker.id}/profile/completeness`),
  },
  'GET /api/v1/workers/:workerId/profile/skill-suggestions': {
    scope: 'office',
    call: (w) => get(`/api/v1/workers/${w.worker.id}/profile/skill-suggestions`),
  },

  // CVs (cv domain): each names the worker and the CV.
  'GET /api/v1/workers/:workerId/cvs': { scope: 'office', call: (w) => get(`/api/v1/workers/${w.worker.id}/cvs`) },
  'POST /api/v1/workers/:workerId/cvs': {
    scope: 'office',
    call: (w) => post(`/api/v1/workers/${w.worker.id}/cvs`, { title: 'CV da un’altra sede' }),
  },
  'GET /api/v1/workers/:workerId/cvs/:cvId': { scope: 'office', call: (w) => get(`/api/v1/workers/${w.worker.id}/cvs/${w.cvId}`) },
  'PATCH /api/v1/workers/:workerId/cvs/:cvId': {
    scope: 'office',
    call: (w) => patch(`/api/v1/workers/${w.worker.id}/cvs/${w.cvId}`, { baseVersion: 1, title: 'CV cambiato da un’altra sede' }),
  },
  'GET /api/v1/workers/:workerId/cvs/:cvId/versions': {
    scope: 'office',
    call: (w) => get(`/api/v1/workers/${w.worker.id}/cvs/${w.cvId}/versions`),
  },
  'GET /api/v1/workers/:workerId/cvs/:cvId/pdf': { scope: 'office', call: (w) => get(`/api/v1/workers/${w.worker.id}/cvs/${w.cvId}/pdf`) },
  'GET /api/v1/workers/:workerId/cvs/:cvId/json-resume': {
    scope: 'office',
    call: (w) => get(`/api/v1/workers/${w.worker.id}/cvs/${w.cvId}/json-resume`),
  },
  'PUT /api/v1/workers/:workerId/cvs/:cvId/photo': {
    scope: 'office',
    call: (w) => ({
      method: 'PUT',
      url: `/api/v1/workers/${w.worker.id}/cvs/${w.cvId}/photo`,
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      headers: { 'content-type': 'application/octet-stream' },
    }),
  },
  'DELETE /api/v1/workers/:workerId/cvs/:cvId/photo': {
    scope: 'office',
    call: (w) => ({ method: 'DELETE', url: `/api/v1/workers/${w.worker.id}/cvs/${w.cvId}/photo` }),
  },

  // Imports.
  'GET /api/v1/imports/offices': { list: () => get('/api/v1/imports/offices') },
  'GET /api/v1/imports/settings': { list: () => get('/api/v1/imports/settings') },
  'PUT /api/v1/imports/settings': { skip: 'the caller’s own network’s retention; names no record' },
  'POST /api/v1/imports/workers': { skip: 'uploads a file into the caller’s own network; names no record' },
  'GET /api/v1/imports/:id': { scope: 'network', call: (w) => get(`/api/v1/imports/${w.importId}`) },
  'GET /api/v1/imports/:id/rows': { scope: 'network', call: (w) => get(`/api/v1/imports/${w.importId}/rows`) },
  'GET /api/v1/imports/:id/refused-rows': { scope: 'network', call: (w) => get(`/api/v1/imports/${w.importId}/refused-rows`) },
  'POST /api/v1/imports/:id/dry-run': { scope: 'network', call: (w) => post(`/api/v1/imports/${w.importId}/dry-run`, {}) },
  'POST /api/v1/imports/:id/apply': { scope: 'network', call: (w) => post(`/api/v1/imports/${w.importId}/apply`, {}) },

  // Programmes and enrolments.
  'GET /api/v1/programmes': { list: () => get('/api/v1/programmes') },
  'POST /api/v1/programmes': {
    scope: 'network',
    call: (w) =>
      post('/api/v1/programmes', {
        code: `X-${w.officeId.slice(0, 6)}`,
        name: 'Programma di un’altra rete',
        startsOn: '2026-01-01',
        capacity: 5,
        officeIds: [w.officeId],
      }),
    alsoRefused: [[400, 'PROGRAMME_OFFICE_UNKNOWN']],
  },
  'GET /api/v1/programmes/:id': { scope: 'network', call: (w) => get(`/api/v1/programmes/${w.programmeId}`) },
  'PATCH /api/v1/programmes/:id': { scope: 'network', call: (w) => patch(`/api/v1/programmes/${w.programmeId}`, { capacity: 11 }) },
  'GET /api/v1/programmes/:id/enrollments': { scope: 'network', call: (w) => get(`/api/v1/programmes/${w.programmeId}/enrollments`) },
  'POST /api/v1/programmes/:id/enrollments': {
    scope: 'office',
    call: (w) => post(`/api/v1/programmes/${w.programmeId}/enrollments`, { workerId: w.worker.id }),
    // The programme's own rule: an enrolment of another office's worker is a move the role may not make.
    alsoRefused: [[403, 'TRANSITION_FORBIDDEN']],
  },
  'POST /api/v1/programmes/:id/eligible': {
    scope: 'network',
    call: (w) => post(`/api/v1/programmes/${w.programmeId}/eligible`, { workerIds: [w.worker.id] }),
  },
  'GET /api/v1/programmes/:id/eligible': { scope: 'network', call: (w) => get(`/api/v1/programmes/${w.programmeId}/eligible`) },
  'GET /api/v1/programmes/:id/eligibility/:workerId': {
    scope: 'office',
    call: (w) => get(`/api/v1/programmes/${w.programmeId}/eligibility/${w.worker.id}`),
  },
  'POST /api/v1/enrollments/:id/transitions': {
    scope: 'office',
    call: (w) => post(`/api/v1/enrollments/${w.enrollmentId}/transitions`, { to: 'withdrawn', reason: 'Prova di accesso' }),
  },
  'GET /api/v1/enrollments/:id/transitions': { scope: 'office', call: (w) => get(`/api/v1/enrollments/${w.enrollmentId}/transitions`) },
  'GET /api/v1/programmes/:id/notifications': { scope: 'network', call: (w) => get(`/api/v1/programmes/${w.programmeId}/notifications`) },
  'POST /api/v1/programmes/:id/notifications/:notificationId/read': {
    scope: 'office',
    call: (w) => post(`/api/v1/programmes/${w.programmeId}/notifications/${w.noticeId}/read`),
    // A notice is for its recipient (the office's front office): nobody else marks it read.
    refusedAcrossNetwork: true,
  },

  // The caller's own notices, across their offices and roles.
  'GET /api/v1/notices': { list: () => get('/api/v1/notices?limit=100') },
  'POST /api/v1/notices/:id/read': {
    scope: 'office',
    call: (w) => post(`/api/v1/notices/${w.noticeId}/read`),
    // Addressed to the office's front office: nobody else marks it read, whoever works across the network.
    refusedAcrossNetwork: true,
  },

  // Reports.
  'GET /api/v1/reports/dashboard': { scope: 'network', call: (w) => get(`/api/v1/reports/dashboard?programmeId=${w.programmeId}`) },
  'GET /api/v1/reports/export/:table': {
    scope: 'network',
    call: (w) => get(`/api/v1/reports/export/waiting?programmeId=${w.programmeId}`),
  },

  // Hotline.
  'GET /api/v1/hotline/status': { scope: 'network', call: (w) => get(`/api/v1/hotline/status?officeId=${w.officeId}`) },
  'PUT /api/v1/hotline/hours/:officeId': {
    scope: 'network',
    call: (w) => put(`/api/v1/hotline/hours/${w.officeId}`, { slots: [{ weekday: 1, opens: '09:00', closes: '12:00' }] }),
  },
  'POST /api/v1/hotline/holidays': {
    scope: 'network',
    call: (w) => post('/api/v1/hotline/holidays', { date: '2026-12-07', name: 'Chiusura di un’altra rete', officeId: w.officeId }),
  },
  'POST /api/v1/hotline/matches': {
    list: (w) => post('/api/v1/hotline/matches', { name: `${w.worker.firstName} ${w.worker.lastName}`, phone: w.worker.phone }),
  },
  'POST /api/v1/hotline/calls': {
    scope: 'office',
    call: (w) =>
      post('/api/v1/hotline/calls', {
        name: `${w.worker.firstName} ${w.worker.lastName}`,
        phone: w.worker.phone.slice(3),
        workerId: w.worker.id,
        action: 'callback',
      }),
    // Of the same network: the call is to be handed over to the office that follows the worker (named, nothing of the person).
    alsoRefused: [[409, 'WORKER_IN_OTHER_OFFICE']],
  },
  'GET /api/v1/callbacks': { list: () => get('/api/v1/callbacks') },
  'POST /api/v1/callbacks/:id/attempts': {
    scope: 'office',
    call: (w) => post(`/api/v1/callbacks/${w.callbackId}/attempts`, { outcome: 'no_answer' }),
  },

  // Outreach.
  'GET /api/v1/outreach/transports': { list: () => get('/api/v1/outreach/transports') },
  'GET /api/v1/outreach/templates': { list: () => get('/api/v1/outreach/templates') },
  'POST /api/v1/outreach/templates': { skip: 'creates a template in the caller’s own network; names no record' },
  'PUT /api/v1/outreach/templates/:id': {
    scope: 'network',
    call: (w) => put(`/api/v1/outreach/templates/${w.templateId}`, { name: 'Cambiato', channel: 'sms', body: 'Testo cambiato.' }),
  },
  'POST /api/v1/outreach/preview': {
    scope: 'office',
    call: (w) => post('/api/v1/outreach/preview', { channel: 'sms', body: 'Gentile {{nome}} {{cognome}}', workerId: w.worker.id }),
  },
  'GET /api/v1/outreach/campaigns': { list: () => get('/api/v1/outreach/campaigns') },
  'POST /api/v1/outreach/campaigns': {
    scope: 'network',
    call: (w) => post('/api/v1/outreach/campaigns', { name: 'Campagna intrusa', channel: 'sms', templateId: w.templateId }),
  },
  'GET /api/v1/outreach/campaigns/:id': { scope: 'network', call: (w) => get(`/api/v1/outreach/campaigns/${w.campaignId}`) },
  'GET /api/v1/outreach/campaigns/:id/start-preview': {
    scope: 'network',
    call: (w) => get(`/api/v1/outreach/campaigns/${w.campaignId}/start-preview`),
  },
  'GET /api/v1/outreach/campaigns/:id/messages': {
    scope: 'network',
    call: (w) => get(`/api/v1/outreach/campaigns/${w.campaignId}/messages`),
  },
  'POST /api/v1/outreach/campaigns/:id/start': { scope: 'network', call: (w) => post(`/api/v1/outreach/campaigns/${w.campaignId}/start`) },
  'POST /api/v1/outreach/campaigns/:id/finish': {
    scope: 'network',
    call: (w) => post(`/api/v1/outreach/campaigns/${w.campaignId}/finish`),
  },
  'GET /api/v1/outreach/campaigns/:id/recipients': {
    scope: 'network',
    call: (w) => get(`/api/v1/outreach/campaigns/${w.campaignId}/recipients`),
  },
  'POST /api/v1/outreach/campaigns/:id/recipients/:recipientId/status': {
    scope: 'network',
    call: (w) => post(`/api/v1/outreach/campaigns/${w.campaignId}/recipients/${w.recipientId}/status`, { status: 'declined' }),
  },
  'POST /api/v1/outreach/campaigns/:id/letters': {
    scope: 'network',
    call: (w) => post(`/api/v1/outreach/campaigns/${w.campaignId}/letters`),
  },
  // Training: providers and courses are the network's catalogue; enrolments and a worker's courses are the worker's office's.
  'GET /api/v1/training/providers': { list: () => get('/api/v1/training/providers') },
  'POST /api/v1/training/providers': { skip: 'registers a provider in the caller’s own network; names no record' },
  'PATCH /api/v1/training/providers/:id': {
    scope: 'network',
    call: (w) => patch(`/api/v1/training/providers/${w.trainingProviderId}`, { name: 'Ente rinominato' }),
  },
  'DELETE /api/v1/training/providers/:id': {
    scope: 'network',
    call: (w) => ({ method: 'DELETE', url: `/api/v1/training/providers/${w.trainingProviderId}` }),
  },
  'GET /api/v1/training/courses': { list: (w) => get(`/api/v1/training/courses?q=${encodeURIComponent(w.courseTitle)}`) },
  'POST /api/v1/training/courses': {
    scope: 'network',
    call: (w) =>
      post('/api/v1/training/courses', {
        providerId: w.trainingProviderId,
        title: 'Corso intruso',
        hours: 10,
        startDate: '2027-05-03',
        endDate: '2027-05-07',
        delivery: 'online',
        seats: 5,
        funding: 'gol',
      }),
  },
  'GET /api/v1/training/courses/:id': { scope: 'network', call: (w) => get(`/api/v1/training/courses/${w.courseId}`) },
  'PATCH /api/v1/training/courses/:id': {
    scope: 'network',
    call: (w) => patch(`/api/v1/training/courses/${w.courseId}`, { baseVersion: 1, seats: 11 }),
  },
  'POST /api/v1/training/courses/:id/enrolments': {
    scope: 'office',
    call: (w) => post(`/api/v1/training/courses/${w.courseId}/enrolments`, { workerId: w.worker.id }),
  },
  'POST /api/v1/training/enrolments/:id/withdraw': {
    scope: 'office',
    call: (w) => post(`/api/v1/training/enrolments/${w.trainingEnrolmentId}/withdraw`, { reason: 'Intrusione' }),
  },
  'PUT /api/v1/training/enrolments/:id/attendance': {
    scope: 'office',
    call: (w) => put(`/api/v1/training/enrolments/${w.trainingEnrolmentId}/attendance`, { hoursAttended: 1 }),
  },
  'POST /api/v1/training/enrolments/:id/complete': {
    scope: 'office',
    call: (w) => post(`/api/v1/training/enrolments/${w.trainingEnrolmentId}/complete`, { completedOn: '2027-04-30', hoursAttended: 1 }),
  },
  'GET /api/v1/workers/:workerId/courses': { scope: 'office', call: (w) => get(`/api/v1/workers/${w.worker.id}/courses`) },
  'POST /api/v1/training/imports/dry-run': { scope: 'network', call: (w) => catalogueUpload('dry-run', w) },
  'POST /api/v1/training/imports/apply': { scope: 'network', call: (w) => catalogueUpload('apply', w) },

  // The agenda. Its set-up (rooms, a consultant's availability and absences) belongs to the network's
  // offices; a meeting is the worker's, so it follows the worker's office rule.
  'GET /api/v1/agenda/setup': { scope: 'network', call: (w) => get(`/api/v1/agenda/setup?officeId=${w.officeId}`) },
  'GET /api/v1/agenda/consultants/:consultantId/availability': {
    scope: 'network',
    call: (w) => get(`/api/v1/agenda/consultants/${w.consultantId}/availability?officeId=${w.officeId}`),
  },
  'PUT /api/v1/agenda/consultants/:consultantId/availability': {
    scope: 'network',
    call: (w) => put(`/api/v1/agenda/consultants/${w.consultantId}/availability`, { officeId: w.officeId, rules: [] }),
  },
  'GET /api/v1/agenda/consultants/:consultantId/exceptions': {
    list: (w) => get(`/api/v1/agenda/consultants/${w.consultantId}/exceptions`),
  },
  'POST /api/v1/agenda/consultants/:consultantId/exceptions': {
    scope: 'network',
    call: (w) => post(`/api/v1/agenda/consultants/${w.consultantId}/exceptions`, { date: '2027-02-01', reason: 'training' }),
  },
  'DELETE /api/v1/agenda/consultants/:consultantId/exceptions/:id': {
    scope: 'network',
    call: (w) => ({ method: 'DELETE', url: `/api/v1/agenda/consultants/${w.consultantId}/exceptions/${w.exceptionId}` }),
  },
  'POST /api/v1/agenda/rooms': {
    scope: 'network',
    call: (w) => post('/api/v1/agenda/rooms', { officeId: w.officeId, name: 'Sala intrusa', capacity: 4 }),
  },
  'PATCH /api/v1/agenda/rooms/:id': { scope: 'network', call: (w) => patch(`/api/v1/agenda/rooms/${w.roomId}`, { capacity: 2 }) },
  'GET /api/v1/agenda/free-slots': {
    scope: 'office',
    call: (w) => get(`/api/v1/agenda/free-slots?officeId=${w.officeId}&typeId=${w.appointmentTypeId}&workerId=${w.worker.id}`),
  },
  'GET /api/v1/agenda/no-shows': { scope: 'office', call: (w) => get(`/api/v1/agenda/no-shows?officeId=${w.officeId}`) },
  'GET /api/v1/agenda/daily-sheet': {
    scope: 'office',
    call: (w) => get(`/api/v1/agenda/daily-sheet?officeId=${w.officeId}&date=2027-01-20`),
  },
  'GET /api/v1/agenda/templates': { list: () => get('/api/v1/agenda/templates') },
  'PUT /api/v1/agenda/templates/:kind/:channel': { skip: 'the caller’s own network’s message texts; names no record' },
  'DELETE /api/v1/agenda/templates/:kind/:channel': { skip: 'the caller’s own network’s message texts; names no record' },
  'GET /api/v1/agenda/feed': { skip: 'the caller’s own calendar feed' },
  'POST /api/v1/agenda/feed': { skip: 'renews the caller’s own calendar feed' },
  'DELETE /api/v1/agenda/feed': { skip: 'revokes the caller’s own calendar feed' },
  'GET /api/v1/appointments': {
    scope: 'office',
    call: (w) => get(`/api/v1/appointments?officeId=${w.officeId}&from=2027-01-18&to=2027-01-24`),
    refusedForRoles: ['matcher'],
  },
  'POST /api/v1/appointments': {
    scope: 'office',
    call: (w) =>
      post('/api/v1/appointments', {
        workerId: w.worker.id,
        officeId: w.officeId,
        typeId: w.appointmentTypeId,
        consultantId: w.consultantId,
        mode: 'phone',
        start: '2027-01-21T09:00:00Z',
      }),
  },
  'GET /api/v1/appointments/:id': {
    scope: 'office',
    call: (w) => get(`/api/v1/appointments/${w.appointmentId}`),
    refusedForRoles: ['matcher'],
  },
  'POST /api/v1/appointments/:id/move': {
    scope: 'office',
    call: (w) => post(`/api/v1/appointments/${w.appointmentId}/move`, { start: '2027-01-21T09:00:00Z', reason: 'Prova di accesso' }),
  },
  'POST /api/v1/appointments/:id/cancel': {
    scope: 'office',
    call: (w) => post(`/api/v1/appointments/${w.appointmentId}/cancel`, { reason: 'Prova di accesso' }),
  },
  'POST /api/v1/appointments/:id/attendance': {
    scope: 'office',
    call: (w) => post(`/api/v1/appointments/${w.appointmentId}/attendance`, { status: 'absent' }),
  },
  'GET /api/v1/appointments/:id/ics': { scope: 'office', call: (w) => get(`/api/v1/appointments/${w.appointmentId}/ics`) },
  'GET /api/v1/workers/:id/appointments': { scope: 'office', call: (w) => get(`/api/v1/workers/${w.worker.id}/appointments`) },
  'GET /api/v1/workers/:id/skill-gap': {
    scope: 'office',
    call: (w) => get(`/api/v1/workers/${w.worker.id}/skill-gap?occupation=${encodeURIComponent(ESCO_MINI.welderUri)}`),
  },

  // Action plans (patto di servizio): a plan is its worker's office's; the agenda lists are the caller's or their office's.
  'GET /api/v1/workers/:id/plans': { scope: 'office', call: (w) => get(`/api/v1/workers/${w.worker.id}/plans`) },
  'POST /api/v1/workers/:id/plans': {
    scope: 'office',
    call: (w) => post(`/api/v1/workers/${w.worker.id}/plans`, { programmeId: w.programmeId }),
  },
  'GET /api/v1/plans/overdue-actions': { list: () => get('/api/v1/plans/overdue-actions') },
  'GET /api/v1/plans/due-reviews': { list: () => get('/api/v1/plans/due-reviews') },
  'GET /api/v1/plans/:planId': { scope: 'office', call: (w) => get(`/api/v1/plans/${w.planId}`) },
  'PUT /api/v1/plans/:planId': {
    scope: 'office',
    call: (w) => put(`/api/v1/plans/${w.planId}`, { baseVersion: 1, notes: 'Prova di accesso' }),
  },
  'POST /api/v1/plans/:planId/actions': {
    scope: 'office',
    call: (w) => post(`/api/v1/plans/${w.planId}/actions`, { description: 'Prova di accesso', owner: 'worker', dueDate: '2027-02-01' }),
  },
  'PATCH /api/v1/plans/:planId/actions/:actionId': {
    scope: 'office',
    call: (w) => patch(`/api/v1/plans/${w.planId}/actions/${w.planActionId}`, { status: 'cancelled' }),
  },
  'PATCH /api/v1/plans/:planId/themes/:themeId': {
    scope: 'office',
    call: (w) => patch(`/api/v1/plans/${w.planId}/themes/${w.planThemeId}`, { title: 'Prova di accesso' }),
  },
  'PATCH /api/v1/plans/:planId/objectives/:objectiveId': {
    scope: 'office',
    call: (w) => patch(`/api/v1/plans/${w.planId}/objectives/${w.planObjectiveId}`, { title: 'Prova di accesso' }),
  },
  'DELETE /api/v1/plans/:planId/actions/:actionId': {
    scope: 'office',
    call: (w) => ({ method: 'DELETE', url: `/api/v1/plans/${w.planId}/actions/${w.planActionId}` }),
  },
  'POST /api/v1/plans/:planId/sign': {
    scope: 'office',
    call: (w) => post(`/api/v1/plans/${w.planId}/sign`, { signedOn: '2026-11-02', how: 'paper' }),
  },
  'POST /api/v1/plans/:planId/reviews': {
    scope: 'office',
    call: (w) => post(`/api/v1/plans/${w.planId}/reviews`, { reviewedOn: '2026-11-30', note: 'Prova di accesso', outcome: 'confirmed' }),
  },
  'POST /api/v1/plans/:planId/close': {
    scope: 'office',
    call: (w) => post(`/api/v1/plans/${w.planId}/close`, { closedOn: '2026-11-30', outcomeSummary: 'Prova di accesso' }),
  },
  'GET /api/v1/plans/:planId/versions': { scope: 'office', call: (w) => get(`/api/v1/plans/${w.planId}/versions`) },
  'GET /api/v1/plans/:planId/pdf': { scope: 'office', call: (w) => get(`/api/v1/plans/${w.planId}/pdf`) },
  // The CV import: a worker's profile, reached only through the worker (office scope). The file is
  // the raw body; the worker is checked before the file is read.
  'POST /api/v1/workers/:workerId/cv-imports': {
    scope: 'office',
    call: (w) => ({
      method: 'POST',
      url: `/api/v1/workers/${w.worker.id}/cv-imports`,
      body: Buffer.from(
        JSON.stringify({
          basics: { name: 'Ornella Bernardeschi' },
          work: [{ name: 'Ceramica Marazzi', position: 'Scelta', startDate: '2019' }],
        }),
      ),
      headers: { 'content-type': 'application/octet-stream' },
    }),
  },
  'POST /api/v1/workers/:workerId/cv-imports/apply': {
    scope: 'office',
    call: (w) => post(`/api/v1/workers/${w.worker.id}/cv-imports/apply`, { baseVersion: 0, drivingLicences: ['B'] }),
  },

  // Group workshops: a session is its office's; its participants are workers of that office.
  'GET /api/v1/workshops': { list: (w) => get(`/api/v1/workshops?officeId=${w.officeId}&from=2027-01-18&to=2027-01-24`) },
  'POST /api/v1/workshops': {
    scope: 'office',
    call: (w) =>
      post('/api/v1/workshops', {
        officeId: w.officeId,
        topic: 'cv_writing',
        title: 'Laboratorio intruso',
        facilitatorIds: [w.consultantId],
        start: '2027-02-02T09:00:00Z',
        durationMinutes: 120,
        seats: 10,
      }),
  },
  'GET /api/v1/workshops/:id': { scope: 'office', call: (w) => get(`/api/v1/workshops/${w.sessionId}`) },
  'PATCH /api/v1/workshops/:id': {
    scope: 'office',
    call: (w) => patch(`/api/v1/workshops/${w.sessionId}`, { seats: 30, reason: 'Prova di accesso' }),
  },
  'POST /api/v1/workshops/:id/cancel': {
    scope: 'office',
    call: (w) => post(`/api/v1/workshops/${w.sessionId}/cancel`, { reason: 'Prova di accesso' }),
  },
  'GET /api/v1/workshops/:id/invitation-companies': {
    scope: 'office',
    call: (w) => get(`/api/v1/workshops/${w.sessionId}/invitation-companies`),
  },
  'GET /api/v1/workshops/:id/invitation-candidates': {
    scope: 'office',
    call: (w) => get(`/api/v1/workshops/${w.sessionId}/invitation-candidates?without=cv_support`),
  },
  'POST /api/v1/workshops/:id/invitations': {
    scope: 'office',
    call: (w) => post(`/api/v1/workshops/${w.sessionId}/invitations`, { workerIds: [w.worker.id] }),
  },
  'PUT /api/v1/workshops/:id/participants/:workerId': {
    scope: 'office',
    call: (w) => ({ method: 'PUT', url: `/api/v1/workshops/${w.sessionId}/participants/${w.worker.id}` }),
  },
  'DELETE /api/v1/workshops/:id/participants/:workerId': {
    scope: 'office',
    call: (w) => ({ method: 'DELETE', url: `/api/v1/workshops/${w.sessionId}/participants/${w.worker.id}` }),
  },
  'POST /api/v1/workshops/:id/participants/:workerId/attendance': {
    scope: 'office',
    call: (w) => post(`/api/v1/workshops/${w.sessionId}/participants/${w.worker.id}/attendance`, { status: 'absent' }),
  },
  'GET /api/v1/workshops/:id/attendance-sheet': { scope: 'office', call: (w) => get(`/api/v1/workshops/${w.sessionId}/attendance-sheet`) },

  // Delivered services: a record is the worker's, so it follows the worker's office rule; the
  // funder's totals are the network's offices' (an office of another network counts nothing).
  'GET /api/v1/workers/:id/services': { scope: 'office', call: (w) => get(`/api/v1/workers/${w.worker.id}/services`) },
  'POST /api/v1/workers/:id/services': {
    scope: 'office',
    call: (w) =>
      post(`/api/v1/workers/${w.worker.id}/services`, {
        serviceCode: 'cv_support',
        deliveredOn: '2026-11-03',
        minutes: 30,
        programmeId: null,
      }),
  },
  'PATCH /api/v1/services/:id': {
    scope: 'office',
    call: (w) => patch(`/api/v1/services/${w.serviceRecordId}`, { minutes: 45, reason: 'Prova di accesso' }),
  },
  'DELETE /api/v1/services/:id': {
    scope: 'office',
    call: (w) => ({ method: 'DELETE', url: `/api/v1/services/${w.serviceRecordId}`, body: { reason: 'Prova di accesso' } }),
  },
  'GET /api/v1/services/totals': {
    list: (w) => get(`/api/v1/services/totals?from=2020-01-01&to=2030-12-31&groupBy=worker&officeId=${w.officeId}`),
  },

  // Vacancies are the network's: every office reads them, only the owning office writes (vacancy.routes.e2e).
  'GET /api/v1/vacancies': { list: (w) => get(`/api/v1/vacancies?q=${encodeURIComponent(w.vacancyTitle)}`) },
  'GET /api/v1/vacancies/board': { scope: 'network', call: (w) => get(`/api/v1/vacancies/board?officeId=${w.officeId}`) },
  'POST /api/v1/vacancies': {
    scope: 'network',
    alsoRefused: [[400, 'VALIDATION_FAILED']],
    call: (w) =>
      post('/api/v1/vacancies', {
        employerId: w.employerId,
        siteId: w.employerSiteId,
        cp2011Code: '6.2.1.2.0',
        title: 'Prova di accesso',
        contractType: 'permanent',
        workingTime: 'full_time',
        positions: 1,
        deadline: '2099-12-31',
      }),
  },
  'GET /api/v1/vacancies/:id': { scope: 'network', call: (w) => get(`/api/v1/vacancies/${w.vacancyId}`) },
  // The candidates of a network's vacancy: the whole network's workers asked for, those of other offices masked to office-bound roles.
  'GET /api/v1/vacancies/:id/candidates': {
    scope: 'network',
    call: (w) => get(`/api/v1/vacancies/${w.vacancyId}/candidates?network=true&radiusKm=200`),
  },
  'PUT /api/v1/vacancies/:id': {
    scope: 'network',
    alsoRefused: [
      [400, 'VALIDATION_FAILED'],
      [403, 'VACANCY_OTHER_OFFICE'],
    ],
    call: (w) =>
      put(`/api/v1/vacancies/${w.vacancyId}`, {
        employerId: w.employerId,
        siteId: w.employerSiteId,
        cp2011Code: '6.2.1.2.0',
        title: 'Prova di accesso',
        contractType: 'permanent',
        workingTime: 'full_time',
        positions: 1,
        deadline: '2099-12-31',
        version: 1,
      }),
  },
  'POST /api/v1/vacancies/:id/publish': { scope: 'network', call: (w) => post(`/api/v1/vacancies/${w.vacancyId}/publish`, { version: 1 }) },
  'POST /api/v1/vacancies/:id/fill': { scope: 'network', call: (w) => post(`/api/v1/vacancies/${w.vacancyId}/fill`, { version: 1 }) },
  'POST /api/v1/vacancies/:id/close': {
    scope: 'network',
    call: (w) => post(`/api/v1/vacancies/${w.vacancyId}/close`, { version: 1, reason: 'Prova di accesso' }),
  },
  'POST /api/v1/vacancies/:id/reopen': {
    scope: 'network',
    call: (w) => post(`/api/v1/vacancies/${w.vacancyId}/reopen`, { version: 1, reason: 'Prova di accesso' }),
  },

  // CCNL minimum pay tables are the network's: another network's are neither listed, checked nor changed.
  'GET /api/v1/contracts/ccnl-minimums': { list: () => get('/api/v1/contracts/ccnl-minimums?ccnlCode=H011&limit=100') },
  'GET /api/v1/contracts/ccnl-minimums/check': {
    list: (w) =>
      get(
        `/api/v1/contracts/ccnl-minimums/check?ccnlCode=H011&level=${encodeURIComponent(w.ccnlMinimumNote.replace('Tabella minimi rete', 'Livello'))}&weeklyHours=40&offeredMonthlyCents=100000&date=2026-01-10`,
      ),
  },
  'GET /api/v1/contracts/checklist': { skip: 'the same steps and rules for everyone, from the facts the caller sends; names no record' },
  'POST /api/v1/contracts/ccnl-minimums': { skip: 'writes a table of the caller’s own network; names no record' },
  'PUT /api/v1/contracts/ccnl-minimums/:id': {
    scope: 'network',
    call: (w) =>
      put(`/api/v1/contracts/ccnl-minimums/${w.ccnlMinimumId}`, {
        ccnlCode: 'H011',
        level: 'Intruso',
        monthlyCents: 100,
        weeklyHours: 40,
        validFrom: '2025-01-01',
        sourceNote: 'Prova di accesso',
        version: 1,
      }),
  },
  'DELETE /api/v1/contracts/ccnl-minimums/:id': {
    scope: 'network',
    call: (w) => ({ method: 'DELETE', url: `/api/v1/contracts/ccnl-minimums/${w.ccnlMinimumId}?version=1` }),
  },

  // Applications: every office sees a vacancy's applications (the workers of other offices by
  // initials: the personal-data check below), only the proposing office moves them.
  'GET /api/v1/vacancies/:id/applications': { scope: 'network', call: (w) => get(`/api/v1/vacancies/${w.vacancyId}/applications`) },
  'GET /api/v1/workers/:id/applications': { scope: 'office', call: (w) => get(`/api/v1/workers/${w.worker.id}/applications`) },
  'POST /api/v1/applications': {
    scope: 'office',
    call: (w) => post('/api/v1/applications', { vacancyId: w.vacancyId, workerId: w.worker.id, source: 'consultant' }),
  },
  'GET /api/v1/applications/:id': { scope: 'network', call: (w) => get(`/api/v1/applications/${w.applicationId}`) },
  'POST /api/v1/applications/:id/moves': {
    scope: 'office',
    call: (w) => post(`/api/v1/applications/${w.applicationId}/moves`, { action: 'withdraw', version: 1, reason: 'worker_unavailable' }),
    refusedAcrossNetwork: true,
  },
  'POST /api/v1/applications/:id/resend': {
    scope: 'office',
    call: (w) => post(`/api/v1/applications/${w.applicationId}/resend`, { version: 1 }),
    refusedAcrossNetwork: true,
  },
  'POST /api/v1/applications/:id/checklist': {
    scope: 'office',
    call: (w) => post(`/api/v1/applications/${w.applicationId}/checklist`, { itemCode: 'DOC_IDENTITY', done: true }),
    refusedAcrossNetwork: true,
  },
  'PUT /api/v1/applications/:id/hire-facts': {
    scope: 'office',
    call: (w) => put(`/api/v1/applications/${w.applicationId}/hire-facts`, { privateEmployer: true }),
    refusedAcrossNetwork: true,
  },
  'GET /api/v1/applications/settings': { list: () => get('/api/v1/applications/settings') },
  'PUT /api/v1/applications/settings': { skip: 'sets the expiry days of the caller’s own network; names no record' },
  // Placements are followed by the office that made the hire, whoever works across the network.
  'GET /api/v1/placements/follow-ups': { list: (w) => get(`/api/v1/placements/follow-ups?officeId=${w.officeId}&dueBy=2099-12-31`) },
  'GET /api/v1/placements/:id': { scope: 'office', call: (w) => get(`/api/v1/placements/${w.placementId}`), refusedAcrossNetwork: true },
  'POST /api/v1/placements/follow-ups/:id/answer': {
    scope: 'office',
    call: (w) => post(`/api/v1/placements/follow-ups/${w.followUpId}/answer`, { stillEmployed: true }),
    refusedAcrossNetwork: true,
  },
  'POST /api/v1/placements/:id/end': {
    scope: 'office',
    call: (w) => post(`/api/v1/placements/${w.placementId}/end`, { version: 1, endDate: '2026-11-30', reason: 'Prova di accesso' }),
    refusedAcrossNetwork: true,
  },

  'POST /api/v1/outreach/reminders/run': {
    skip: 'sends the reminders due in the caller’s own network (campaign.routes.e2e: another network’s are left alone); names no record',
  },
};

/** Routes outside the API's records: the API description, health, sign-in. */
const isInfrastructure = (url: string) => url.startsWith('/api/docs') || url === '/api/health' || url === '/api/openapi.json';

let t: TestApp;
/** Callers by office (B of network 1, C of network 2) and role. */
const callers: Record<'B' | 'C', Partial<Record<Role, Agent>>> = { B: {}, C: {} };
let worldA: World;
let worldC: World;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  // The skill gap reads an ESCO occupation: the miniature ESCO is enough.
  const zips = escoMiniZips();
  await importEsco(t.database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  removeFixtureZips();
  const passwordHash = await matrixPasswordHash();
  const network1 = await networkOf(db, await officeIdByCode(t.database, 'CPI-MO'));
  const network2 = (
    await db.insertInto('networks').values({ code: 'RE', name: 'Provincia di Reggio Emilia' }).returning('id').executeTakeFirstOrThrow()
  ).id;
  const officeA = await createOffice(db, network1, 'CPI-FI', 'Centro per l’impiego di Finale Emilia', 'Finale Emilia');
  const officeB = await createOffice(db, network1, 'CPI-SF', 'Centro per l’impiego di San Felice sul Panaro', 'San Felice sul Panaro');
  const officeC = await createOffice(db, network2, 'CPI-GU', 'Centro per l’impiego di Guastalla', 'Guastalla');

  for (const [key, officeId] of [
    ['B', officeB],
    ['C', officeC],
  ] as const) {
    for (const role of ROLES) {
      const account = await accountWith(t.app, db, {
        email: `${role}.${key.toLowerCase()}@matrice.example`,
        fullName: `Matrice ${role} ${key}`,
        officeId,
        role,
        passwordHash,
      });
      callers[key][role] = account.agent;
    }
  }
  const ownerA = await accountWith(t.app, db, {
    email: 'coordinatrice.finale@matrice.example',
    fullName: 'Benedetti Chiara',
    officeId: officeA,
    role: 'coordinator',
    passwordHash,
  });
  worldA = await buildWorld(
    db,
    { ...ownerA, email: 'coordinatrice.finale@matrice.example' },
    {
      networkId: network1,
      officeId: officeA,
      officeName: 'Centro per l’impiego di Finale Emilia',
      tag: 'Finale',
      firstName: 'Ornella',
      lastName: 'Bernardeschi',
      index: 7001,
    },
  );
  const ownerC = await accountWith(t.app, db, {
    email: 'coordinatore.guastalla@matrice.example',
    fullName: 'Esposito Emanuele',
    officeId: officeC,
    role: 'coordinator',
    passwordHash,
  });
  worldC = await buildWorld(
    db,
    { ...ownerC, email: 'coordinatore.guastalla@matrice.example' },
    {
      networkId: network2,
      officeId: officeC,
      officeName: 'Centro per l’impiego di Guastalla',
      tag: 'Guastalla',
      firstName: 'Teodoro',
      lastName: 'Scaramuzza',
      index: 7002,
    },
  );
}, 120_000);
afterAll(() => t.close());

/** A stand-in actor holding one role in its current office: enough for a route's policy, which judges roles. */
function actorWithRole(role: Role): Actor {
  return {
    userId: '00000000-0000-4000-8000-000000000001',
    email: 'x@example.org',
    fullName: 'X',
    language: 'it',
    mustChangePassword: false,
    officeId: '00000000-0000-4000-8000-000000000002',
    networkId: '00000000-0000-4000-8000-000000000003',
    roles: [role],
    assignments: [],
    session: { tokenHash: '', csrfToken: '' },
  };
}

const acrossNetwork = (role: Role) => role === 'coordinator' || role === 'matcher' || role === 'admin';

function apiRoutes() {
  const seen = new Set<string>();
  return t.app.routeRegistry.routes
    .filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/') && !isInfrastructure(r.url) && r.access !== 'public')
    .filter((r) => {
      const key = `${r.method} ${r.url}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function send(agent: Agent, c: Call): Promise<LightMyRequestResponse> {
  return agent.request({
    method: c.method as 'GET',
    url: c.url,
    ...(c.body !== undefined && { payload: c.body as object }),
    ...(c.headers && { headers: c.headers }),
  });
}

/**
 * Which of `secrets` the answer carries (its body as text, whatever its type), leaving out what
 * the request itself sent (a problem's `instance` repeats the path, with the id the caller gave).
 */
const leaked = (res: LightMyRequestResponse, call: Call, secrets: string[]) =>
  secrets.filter((s) => res.body.includes(s) && !JSON.stringify(call).includes(s));

interface Finding {
  route: string;
  caller: string;
  problem: string;
}

function refusal(res: LightMyRequestResponse, c: RecordCase): string | null {
  if (res.statusCode === 403 || res.statusCode === 404) return null;
  const code = res.statusCode >= 400 ? (JSON.parse(res.body) as { code?: string }).code : undefined;
  if (c.alsoRefused?.some(([status, expected]) => status === res.statusCode && expected === code)) return null;
  return `answered ${res.statusCode}${code ? ` ${code}` : ''}, expected 403 or 404`;
}

describe('IDOR matrix: every route, as every role of another office and of another network', () => {
  it('classifies every route of the app', () => {
    const unclassified = apiRoutes()
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !(key in ROUTES));
    expect(unclassified, 'routes missing from the IDOR matrix (tests/security/idor.e2e.test.ts): classify them').toEqual([]);
    const stale = Object.keys(ROUTES).filter((key) => !apiRoutes().some((r) => `${r.method} ${r.url}` === key));
    expect(stale, 'classified routes the app no longer has').toEqual([]);
  });

  it('refuses another office’s and another network’s records, and leaks nothing of them', async () => {
    const findings: Finding[] = [];
    let calls = 0;
    for (const route of apiRoutes()) {
      const key = `${route.method} ${route.url}`;
      const c = ROUTES[key];
      if (!c || 'skip' in c) continue;
      const policy = route.access as Policy;
      for (const role of ROLES.filter((r) => policy(actorWithRole(r)))) {
        // World A (network 1) seen from office B (same network) and office C (network 2); world C from office B.
        const views: Array<{ caller: string; agent: Agent; world: World; sameNetwork: boolean }> = [
          { caller: `${role} of another office`, agent: callers.B[role]!, world: worldA, sameNetwork: true },
          { caller: `${role} of another network`, agent: callers.C[role]!, world: worldA, sameNetwork: false },
          { caller: `${role} of another network`, agent: callers.B[role]!, world: worldC, sameNetwork: false },
        ];
        for (const v of views) {
          const officeScoped = v.sameNetwork && !acrossNetwork(role);
          const secrets = v.sameNetwork ? (officeScoped ? personalSecrets(v.world) : []) : networkSecrets(v.world);
          const note = (problem: string) => findings.push({ route: key, caller: v.caller, problem });
          if ('list' in c) {
            const call = c.list(v.world);
            const res = await send(v.agent, call);
            calls++;
            if (res.statusCode >= 500) note(`answered ${res.statusCode}`);
            const shown = leaked(res, call, secrets);
            if (shown.length) note(`shows ${shown.join(', ')}`);
            continue;
          }
          const mustRefuse =
            !v.sameNetwork ||
            (c.scope === 'office' && (officeScoped || c.refusedAcrossNetwork === true || c.refusedForRoles?.includes(role) === true));
          if (!mustRefuse) {
            // Reachable: a record the network shares, or the documented exception (who works across the
            // network reads its offices' records). Only reads are made, so the world stays as built.
            if (route.method !== 'GET') continue;
            const call = c.call(v.world);
            const res = await send(v.agent, call);
            calls++;
            // Front office and consultants read the network's records without the other offices' people (cohort, enrolments, notices).
            const shown = leaked(res, call, secrets);
            if (shown.length) note(`shows ${shown.join(', ')}`);
            // Reached: an answer or a state of the record (an import not checked yet), never "not yours".
            if (res.statusCode === 403 || res.statusCode === 404 || res.statusCode >= 500)
              note(`may read it but answered ${res.statusCode} ${res.body.slice(0, 120)}`);
            continue;
          }
          const call = c.call(v.world);
          const res = await send(v.agent, call);
          calls++;
          const refused = refusal(res, c);
          if (refused) note(refused);
          const shown = leaked(res, call, v.sameNetwork ? personalSecrets(v.world) : networkSecrets(v.world));
          if (shown.length) note(`shows ${shown.join(', ')}`);
        }
      }
    }
    expect(findings).toEqual([]);
    // Every classified route was exercised by at least one role (no silent gaps).
    expect(calls).toBeGreaterThan(300);
  }, 240_000);

  it('lets those who work across the network see another office’s worker, masked nowhere, and never another network’s', async () => {
    for (const role of ['coordinator', 'matcher', 'admin'] as const) {
      const seen = await callers.B[role]!.get(`/api/v1/workers/${worldA.worker.id}`);
      expect(seen.statusCode, role).toBe(200);
      expect(seen.json()).toMatchObject({ codiceFiscale: worldA.worker.codiceFiscale, lastName: 'Bernardeschi' });
      expect((await callers.B[role]!.get(`/api/v1/workers/${worldC.worker.id}`)).statusCode, role).toBe(404);
    }
  });

  it('shows the front office of another office the worker masked, as the hotline does, and another network nothing', async () => {
    const phone = encodeURIComponent(worldA.worker.phone);
    const masked = (await callers.B.frontoffice!.get(`/api/v1/workers/duplicates?phone=${phone}`)).json().items;
    expect(masked).toEqual([
      expect.objectContaining({ id: worldA.worker.id, firstName: 'O.', lastName: 'B.', codiceFiscale: null, inScope: false }),
    ]);
    const hotline = (
      await callers.B.frontoffice!.post('/api/v1/hotline/matches', { name: 'Ornella Bernardeschi', phone: worldA.worker.phone })
    ).json().candidates;
    expect(hotline).toEqual([
      expect.objectContaining({ id: worldA.worker.id, firstName: 'O.', lastName: 'B.', phone: null, inScope: false }),
    ]);
    expect((await callers.C.admin!.get(`/api/v1/workers/duplicates?phone=${phone}`)).json().items).toEqual([]);
  });
});
