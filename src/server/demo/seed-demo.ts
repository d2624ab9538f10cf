import type { Database } from '../db/database.js';
import { createAuditRepository } from '../audit/index.js';
import { createStaffAccount, hashPassword, staffIdsByEmail } from '../auth/index.js';
import { anyNetworkExists, createNetwork, createOffice } from '../organisation/index.js';
import { loadShippedSkillLabels } from '../taxonomy/index.js';
import { DEMO_CONSULTANTS, DEMO_NETWORK, DEMO_OFFICES, DEMO_PASSWORD, DEMO_STAFF } from './demo-organisation.js';
import { seedDemoAgenda } from './demo-agenda.js';
import { seedDemoPeople } from './demo-people.js';
import { seedDemoOutreach } from './demo-outreach.js';
import { seedDemoPlans } from './demo-plans.js';
import { seedDemoProgrammes } from './demo-programmes.js';
import { seedDemoProfiles } from './demo-profiles.js';
import { seedDemoCvs } from './demo-cvs.js';
import { seedDemoTraining } from './demo-training.js';
import { seedDemoServices } from './demo-services.js';
import { seedDemoEmployers } from './demo-employers.js';
import { seedDemoVacancies } from './demo-vacancies.js';
import { seedDemoCcnlMinimums } from './demo-ccnl-minimums.js';
import { seedDemoApplications } from './demo-applications.js';

export interface SeedResult {
  seeded: boolean;
  accounts: Array<{ email: string; roles: string }>;
}

export function demoAccounts() {
  return DEMO_STAFF.map((s) => ({
    email: s.email,
    roles: [...new Set(s.roles.map((r) => r.role))].join(', '),
  }));
}

/**
 * Whether the database holds the demo: its staff accounts (e-mails under ricolloca.example, a
 * domain reserved for examples that no real installation uses) sign in with the published
 * password. A database seeded once stays in demo mode on every restart.
 */
export async function databaseHoldsDemo(database: Database): Promise<boolean> {
  const emails = DEMO_STAFF.map((s) => s.email);
  return (await staffIdsByEmail(database.db, emails)).size > 0;
}

/**
 * Loads the demo scenario into an empty database; does nothing when any network exists. Every row
 * is written through its owning domain's published functions, in one transaction.
 */
export async function seedDemo(database: Database): Promise<SeedResult> {
  const { db } = database;
  if (await anyNetworkExists(db)) return { seeded: false, accounts: demoAccounts() };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  await db.transaction().execute(async (trx) => {
    const networkId = await createNetwork(trx, DEMO_NETWORK);
    const officeIds = new Map<string, string>();
    for (const office of DEMO_OFFICES) {
      const id = await createOffice(
        trx,
        networkId,
        office.code,
        {
          name: office.name,
          address: office.address,
          postalCode: office.postalCode,
          comune: office.comune,
          province: 'MO',
          phone: office.phone,
          email: office.email,
          openingHours: office.openingHours,
          active: true,
        },
        now,
      );
      officeIds.set(office.code, id);
    }
    const staffIds = new Map<string, string>();
    for (const person of DEMO_STAFF) {
      const roles = person.roles.map((r) => ({ officeId: officeIds.get(r.office)!, role: r.role }));
      staffIds.set(
        person.email,
        await createStaffAccount(
          trx,
          { email: person.email, fullName: person.fullName, passwordHash, mustChangePassword: false, roles },
          now,
        ),
      );
    }
    // The other consultants have no password (null hash): they fill the calendars, nobody signs in as them.
    for (const person of DEMO_CONSULTANTS) {
      const roles = person.offices.map((code) => ({ officeId: officeIds.get(code)!, role: 'consultant' as const }));
      staffIds.set(
        person.email,
        await createStaffAccount(
          trx,
          { email: person.email, fullName: person.fullName, passwordHash: null, mustChangePassword: false, roles },
          now,
        ),
      );
    }
    const people = await seedDemoPeople(trx, {
      networkId,
      officeIds,
      officeComuni: DEMO_OFFICES.map((o) => ({ code: o.code, comune: o.comune })),
      operatorId: staffIds.get('sportello@ricolloca.example') ?? null,
      now,
    });
    // The employers that hire, after the crisis companies: one of them is both.
    const matcherId = staffIds.get('incontro@ricolloca.example') ?? null;
    const employers = await seedDemoEmployers(trx, { networkId, officeIds, matcherId, now });
    await seedDemoCcnlMinimums(trx, { networkId, adminId: staffIds.get('admin@ricolloca.example') ?? null, now });
    const vacancies = await seedDemoVacancies(trx, { networkId, employers, matcherId, now });
    const programme = await seedDemoProgrammes(trx, { networkId, officeIds, staffIds, cases: people.cases, now });
    // Applications of Modena's crisis workers to the open vacancies, and three hires with a follow-up due.
    await seedDemoApplications(trx, {
      networkId,
      officeId: officeIds.get('CPI-MO')!,
      vacancies,
      workers: programme.crisisWorkers,
      stateOf: programme.stateOf,
      consultantId: staffIds.get('orientatrice@ricolloca.example') ?? null,
      matcherId,
      now,
    });
    const profiled = await seedDemoProfiles(trx, {
      networkId,
      cases: people.cases,
      programme,
      consultantId: staffIds.get('orientatrice@ricolloca.example') ?? null,
      now,
    });
    await seedDemoOutreach(trx, { networkId, officeIds, staffIds, cases: people.cases, programme, now });
    // After outreach: the agenda skips the closed days its holiday calendar holds.
    await seedDemoAgenda(trx, { networkId, officeIds, staffIds, cases: people.cases, programme, now });
    await seedDemoTraining(trx, { networkId, staffIds, cases: people.cases, now });
    // The consultants of each office are the consultants of reference of its workers' plans.
    const consultantsByOffice = new Map<string, string[]>();
    const addConsultant = (code: string, email: string) => {
      const officeId = officeIds.get(code)!;
      consultantsByOffice.set(officeId, [...(consultantsByOffice.get(officeId) ?? []), staffIds.get(email)!]);
    };
    for (const person of DEMO_STAFF) for (const r of person.roles) if (r.role === 'consultant') addConsultant(r.office, person.email);
    for (const person of DEMO_CONSULTANTS) for (const code of person.offices) addConsultant(code, person.email);
    await seedDemoPlans(trx, { networkId, programme, consultantsByOffice, now });
    // Services entered by hand (CV support, interview coaching…) beside the agenda's attended meetings.
    await seedDemoServices(trx, { networkId, officeIds, staffIds, programme, now });
    // The Italian labels of the demo sectors' ESCO skills, as entered by the network's coordinator.
    await loadShippedSkillLabels(
      trx,
      networkId,
      staffIds.get(DEMO_STAFF.find((p) => p.roles.some((r) => r.role === 'coordinator'))?.email ?? '') ?? null,
      now,
    );
    // CVs built from some profiles (after the labels: a CV's version keeps the JSON Resume it read).
    await seedDemoCvs(trx, { profiled, consultantId: staffIds.get('orientatrice@ricolloca.example') ?? null, now });
    await createAuditRepository().insert(trx, {
      actorId: null,
      actorLabel: 'ricolloca seed-demo',
      officeId: null,
      action: 'demo.seeded',
      entityType: 'network',
      entityId: networkId,
      details: {},
      requestId: null,
      ip: null,
    });
  });
  return { seeded: true, accounts: demoAccounts() };
}
