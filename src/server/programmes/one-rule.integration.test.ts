import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepository, createAuditService } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { createCampaignRepository } from '../outreach/campaign.repository.js';
import { createCampaignService } from '../outreach/campaign.service.js';
import { createHotlineRepository } from '../outreach/hotline.repository.js';
import type { Campaign } from '../../shared/schemas/outreach.schema.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { buildWorker, insertWorkers } from '../../../tests/factories/workers.js';
import { buildCigsCase, buildProgramme } from '../../../tests/factories/programmes.js';
import { checkEligibility } from './eligibility-check.js';
import { eligibilityRuleOf, romeDate } from './eligibility.js';
import { eligibleWorkerIds } from './eligibility.repository.js';
import { createEnrollmentListRepository } from './enrollment-list.repository.js';
import { createEnrollmentService } from './enrollment.service.js';
import { expiringEligible, waitingListHead } from './programme-reports.repository.js';
import { createProgrammeRepository } from './programme.repository.js';
import { compareWaitingPriority } from './waiting-order.js';

/**
 * One definition per rule: every caller of the eligibility rule and of the waiting-list order is
 * run against the readable form (evaluateEligibility through checkEligibility; the comparator) on
 * the same rows. 23:30 UTC on 1 December is already 2 December in Rome: a CIGS that ended on
 * 1 December ended yesterday, whatever the server's clock says.
 */
const NOW = new Date('2026-12-01T23:30:00Z');
const TODAY = '2026-12-02';
const SYSTEM = { actor: null, requestId: 'test', ip: '' };

let database: Database;
const repo = createProgrammeRepository();
let networkId: string;
let modena: string;
let carpi: string;
let vignola: string;
const people = new Map<string, string>();
let strict: string;
let lenient: string;

async function office(code: string, name: string) {
  return (
    await database.db
      .insertInto('offices')
      .values({ network_id: networkId, code, name, opening_hours: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  networkId = (
    await db.insertInto('networks').values({ code: 'MO-RULE', name: 'Modena (prova regole)' }).returning('id').executeTakeFirstOrThrow()
  ).id;
  [modena, carpi, vignola] = [
    await office('R-MO', 'CPI di Modena'),
    await office('R-CA', 'CPI di Carpi'),
    await office('R-VI', 'CPI di Vignola'),
  ];
  const ceased = (await buildCigsCase(db, networkId, { reason: 'cessazione_attivita', start: '2026-01-01', end: '2027-06-30' })).caseId;
  const concordato = (await buildCigsCase(db, networkId, { reason: 'concordato_senza_continuita', start: '2026-01-01', end: '2027-03-31' }))
    .caseId;
  const reorganised = (await buildCigsCase(db, networkId, { reason: 'riorganizzazione', start: '2026-01-01', end: '2027-03-31' })).caseId;
  const endedYesterday = (await buildCigsCase(db, networkId, { reason: 'cessazione_attivita', start: '2025-12-01', end: '2026-12-01' }))
    .caseId;
  const startsTomorrow = (await buildCigsCase(db, networkId, { reason: 'cessazione_attivita', start: '2026-12-03', end: '2027-12-02' }))
    .caseId;
  const rows = [
    ['Barbieri', 'Emanuele', modena, ceased, null],
    ['Esposito', 'Giuseppe', carpi, concordato, '2026-12-01'], // own CIGS end: yesterday in Rome
    ["D'Angelo", 'Nicolò', modena, endedYesterday, null],
    ['De Luca', 'Maria', vignola, ceased, null], // office outside both programmes
    ["Dall'Olio", 'Anna', modena, reorganised, null],
    ['Bianchi', 'Luca', modena, null, null],
    ['Ferrari', 'Giulia', modena, startsTomorrow, null],
    ['Russo', 'Marco', carpi, ceased, '2026-12-02'], // own end today: still active
    ['Romano', 'Sara', modena, concordato, '2027-02-15'], // within 90 days
  ] as const;
  const ids = await insertWorkers(
    db,
    rows.map(([lastName, firstName, officeId, cigsCaseId, cigsEndDate]) =>
      buildWorker({ lastName, firstName, officeId, networkId, cigsCaseId, cigsEndDate }),
    ),
  );
  rows.forEach(([lastName], i) => people.set(ids[i]!, lastName));
  strict = await buildProgramme(db, {
    networkId,
    officeIds: [modena, carpi],
    capacity: 50,
    eligibleReasons: ['cessazione_attivita', 'concordato_senza_continuita'],
  });
  lenient = await buildProgramme(db, { networkId, officeIds: [modena, carpi], capacity: 50, eligibleReasons: ['cessazione_attivita'] });
  await db.updateTable('programmes').set({ require_active_cigs: false }).where('id', '=', lenient).execute();
});
afterAll(() => database.close());

const names = (ids: Iterable<string>) =>
  [...ids]
    .map((id) => people.get(id))
    .filter(Boolean)
    .sort();

async function expectedEligible(programmeId: string): Promise<string[]> {
  const out: string[] = [];
  for (const workerId of people.keys())
    if ((await checkEligibility(database.db, programmeId, workerId, TODAY))?.eligible) out.push(workerId);
  return out;
}

describe('eligibility has one definition', () => {
  it('uses the day in Rome, not the server’s UTC date', () => {
    expect(romeDate(NOW)).toBe(TODAY);
  });

  it('refuses, with the reasons, the worker whose CIGS ended yesterday in Rome, and accepts them when the programme does not require an active CIGS', async () => {
    const esposito = [...people].find(([, n]) => n === 'Esposito')![0];
    const dangelo = [...people].find(([, n]) => n === "D'Angelo")![0];
    expect(await checkEligibility(database.db, strict, esposito, TODAY)).toEqual({
      eligible: false,
      reasons: ['CIGS non attiva il 02/12/2026'],
    });
    expect((await checkEligibility(database.db, strict, dangelo, TODAY))?.eligible).toBe(false);
    expect((await checkEligibility(database.db, lenient, dangelo, TODAY))?.eligible).toBe(true);
    expect(names(await expectedEligible(strict))).toEqual(['Barbieri', 'Romano', 'Russo']);
    expect(names(await expectedEligible(lenient))).toEqual(['Barbieri', "D'Angelo", 'Ferrari', 'Russo']);
  });

  it('the SQL form selects exactly the workers evaluateEligibility accepts', async () => {
    for (const programmeId of [strict, lenient]) {
      const programme = (await repo.findProgramme(database.db, programmeId))!;
      const rows = await eligibleWorkerIds(database.db, eligibilityRuleOf(programme), TODAY).execute();
      expect(names(rows.map((r) => r.worker_id))).toEqual(names(await expectedEligible(programmeId)));
    }
  });

  it('campaign targeting reaches exactly the eligible workers (require_active_cigs honoured)', async () => {
    const audit = createAuditService({ db: database.db, repository: createAuditRepository() });
    const campaigns = createCampaignService({
      db: database.db,
      campaigns: createCampaignRepository(),
      hotline: createHotlineRepository(),
      audit,
      clock: () => NOW,
    });
    for (const programmeId of [strict, lenient]) {
      const campaign = { programmeId, excludeReachedDays: 30 } as Campaign;
      const { included, excluded } = await campaigns.targeting(campaign, networkId, NOW);
      expect(excluded).toEqual({ registered: 0, declined: 0, recentlyReached: 0 });
      expect(names(included.map((t) => t.id))).toEqual(names(await expectedEligible(programmeId)));
    }
  });

  it('"add the eligible workers" previews and adds exactly the eligible workers', async () => {
    const audit = createAuditService({ db: database.db, repository: createAuditRepository() });
    const enrollments = createEnrollmentService({ db: database.db, repository: repo, audit, clock: () => NOW });
    const ctx = {
      actor: { userId: null, networkId, officeId: modena, roles: ['coordinator'], fullName: 'Prova', email: 'prova@ricolloca.example' },
      requestId: 'test',
      ip: '',
    } as never;
    const programmeId = await buildProgramme(database.db, { networkId, officeIds: [modena, carpi], capacity: 50 });
    const expected = names(await expectedEligible(programmeId));
    const preview = await enrollments.eligiblePreview(ctx, programmeId);
    expect(preview.total).toBe(expected.length);
    expect(names(preview.items.map((i) => i.workerId))).toEqual(expected);
    expect(await enrollments.addAllEligible(ctx, programmeId)).toMatchObject({ added: expected.length });
    expect((await enrollments.eligiblePreview(ctx, programmeId)).total).toBe(0);
  });

  it('the dashboard’s expiring list holds the eligible workers whose CIGS ends within 90 days', async () => {
    const expected = [];
    for (const workerId of await expectedEligible(strict)) {
      const end = (
        await database.db.selectFrom('workers').select('effective_cigs_end').where('id', '=', workerId).executeTakeFirstOrThrow()
      ).effective_cigs_end;
      if (end && end >= TODAY && end <= '2027-03-02') expected.push(workerId);
    }
    const e = await expiringEligible(database.db, strict, TODAY, 100);
    expect(names(e.rows.map((r) => r.id))).toEqual(names(expected));
    expect(names(expected)).toEqual(['Romano', 'Russo']);
    expect(e.within90).toBe(2);
  });
});

describe('the waiting-list order has one definition', () => {
  it('the list’s positions, the promotion of the first in line and the dashboard all follow compareWaitingPriority', async () => {
    const db = database.db;
    const programmeId = await buildProgramme(db, { networkId, officeIds: [modena], capacity: 1 });
    const workers = await insertWorkers(
      db,
      Array.from({ length: 9 }, (_, i) => buildWorker({ officeId: modena, networkId }, 500 + i)),
    );
    await repo.insertEnrollment(
      db,
      {
        programmeId,
        workerId: workers[0]!,
        officeId: modena,
        state: 'registered',
        rank: 2,
        channel: 'desk',
        priorityCigsEnd: '2027-01-31',
        requestedAt: NOW,
      },
      NOW,
    );
    const at = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
    // Ties on purpose: the same CIGS end and the same minute (decided by id), an unknown end, an earlier request with a later end.
    const keys: Array<[string | null, Date]> = [
      ['2027-03-31', at(10)],
      ['2027-01-15', at(5)],
      [null, at(60)],
      ['2027-01-15', at(5)],
      ['2027-01-15', at(30)],
      ['2026-12-20', at(1)],
      [null, at(2)],
      ['2027-03-31', at(10)],
    ];
    const waiting = [];
    for (const [i, [end, requestedAt]] of keys.entries()) {
      waiting.push(
        await repo.insertEnrollment(
          db,
          {
            programmeId,
            workerId: workers[i + 1]!,
            officeId: modena,
            state: 'waiting',
            rank: 2,
            channel: 'hotline',
            priorityCigsEnd: end,
            requestedAt,
          },
          NOW,
        ),
      );
    }
    const reference = [...waiting].sort(compareWaitingPriority).map((e) => e.id);

    const list = await createEnrollmentListRepository().page(db, programmeId, { officeId: null, state: 'waiting', limit: 50, offset: 0 });
    expect(list.rows.map((r) => r.id)).toEqual(reference);
    expect(list.rows.map((r) => r.waiting_position)).toEqual(reference.map((_, i) => i + 1));

    expect((await repo.firstInLine(db, programmeId, 50)).map((e) => e.id)).toEqual(reference);
    for (const e of waiting) expect(await repo.waitingPosition(db, e)).toBe(reference.indexOf(e.id) + 1);

    const head = await waitingListHead(db, programmeId, 5);
    expect(head.total).toBe(8);
    expect(head.rows.map((r) => [r.id, r.position])).toEqual(reference.slice(0, 5).map((id, i) => [id, i + 1]));

    const audit = createAuditService({ db, repository: createAuditRepository() });
    const enrollments = createEnrollmentService({ db, repository: repo, audit, clock: () => NOW });
    const promoted = await db.transaction().execute((trx) => enrollments.promoteWaiting(trx, SYSTEM, programmeId, 4, NOW));
    expect(promoted.map((e) => e.id)).toEqual(reference.slice(0, 3));
  });
});
