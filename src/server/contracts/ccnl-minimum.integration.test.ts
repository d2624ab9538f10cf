import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import type { Database } from '../db/database.js';
import { createCcnlMinimumRepository, type MinimumValues } from './ccnl-minimum.repository.js';
import { lookUpAndCheckOfferPay } from './contracts.module.js';

let database: Database;
let networkId: string;
let otherNetworkId: string;
const repo = createCcnlMinimumRepository();

/** Alimentari industria (CNEL E012), a level the demo has no table for. */
const alimentari = (over: Partial<MinimumValues> = {}): MinimumValues => ({
  ccnlCode: 'E012',
  level: '6',
  monthlyCents: 176_000,
  weeklyHours: 40,
  validFrom: '2025-12-01',
  validTo: null,
  sourceNote: 'prova di integrazione',
  ...over,
});

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  networkId = (await database.db.selectFrom('networks').select('id').executeTakeFirstOrThrow()).id;
  otherNetworkId = (
    await database.db
      .insertInto('networks')
      .values({ code: 'RE', name: 'Provincia di Reggio Emilia' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => database.close());

describe('the CCNL minimum table on the database', () => {
  it('refuses an overlapping validity at the constraint, whatever the level’s spelling, even when the service’s check is skipped', async () => {
    await repo.insert(database.db, networkId, alimentari(), null, new Date());
    await expect(
      repo.insert(database.db, networkId, alimentari({ level: ' 6 ', validFrom: '2026-05-01' }), null, new Date()),
    ).rejects.toMatchObject({
      code: '23P01',
    });
    // Another network keeps its own tables for the same agreement and level.
    await repo.insert(database.db, otherNetworkId, alimentari(), null, new Date());
  });

  it('lets only one of two concurrent overlapping writes through', async () => {
    const results = await Promise.allSettled([
      database.db
        .transaction()
        .execute((trx) => repo.insert(trx, networkId, alimentari({ level: '7', validFrom: '2026-01-01' }), null, new Date())),
      database.db
        .transaction()
        .execute((trx) => repo.insert(trx, networkId, alimentari({ level: '7', validFrom: '2026-06-01' }), null, new Date())),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('the published lookup checks an offer with the table of its network in force on the day', async () => {
    const offer = { ccnlCode: 'E012', level: '6', weeklyHours: 30, offeredMonthlyCents: 130_000, date: '2026-02-02' };
    const { check } = await lookUpAndCheckOfferPay(database.db, networkId, offer);
    // 1.760,00 € × 30 / 40 = 1.320,00 €: 20,00 € short.
    expect(check).toMatchObject({ known: true, proratedMinimumCents: 132_000, belowMinimum: true, shortfallCents: 2_000 });
    expect((await lookUpAndCheckOfferPay(database.db, networkId, { ...offer, date: '2025-11-30' })).check.known).toBe(false);
    const other = await lookUpAndCheckOfferPay(database.db, otherNetworkId, offer);
    expect(other.row?.id).not.toBe((await lookUpAndCheckOfferPay(database.db, networkId, offer)).row?.id);
  });
});
