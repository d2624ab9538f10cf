import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { officeIdByCode } from '../../../tests/helpers/test-app.js';
import { buildCigsCase, buildProgramme, buildWorkers, networkOf } from '../../../tests/factories/programmes.js';
import { createProgrammeRepository } from './programme.repository.js';

let database: Database;
const repo = createProgrammeRepository();
let programmeId: string;
let officeId: string;
let workers: string[];

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  officeId = await officeIdByCode(database, 'CPI-MO');
  const networkId = await networkOf(database.db, officeId);
  const { caseId } = await buildCigsCase(database.db, networkId);
  programmeId = await buildProgramme(database.db, { networkId, officeIds: [officeId], capacity: 2 });
  workers = await buildWorkers(database.db, { networkId, officeId, caseId, count: 5 });
});
afterAll(() => database.close());

describe('programme repository', () => {
  it('keeps the waiting list in priority order and counts positions the same way', async () => {
    const now = new Date('2026-05-01T10:00:00Z');
    const ends = ['2026-12-31', null, '2026-07-31', '2026-07-31'];
    const rows = [];
    for (const [i, end] of ends.entries()) {
      rows.push(
        await repo.insertEnrollment(
          database.db,
          {
            programmeId,
            workerId: workers[i]!,
            officeId,
            state: 'waiting',
            rank: 2,
            channel: 'hotline',
            priorityCigsEnd: end,
            requestedAt: new Date(now.getTime() + (i === 2 ? 60_000 : 0)),
          },
          now,
        ),
      );
    }
    const line = await repo.firstInLine(database.db, programmeId, 10);
    expect(line.map((e) => e.workerId)).toEqual([workers[3], workers[2], workers[0], workers[1]]);
    for (const [i, e] of line.entries()) expect(await repo.waitingPosition(database.db, e)).toBe(i + 1);
    expect(await repo.placesUsed(database.db, programmeId)).toBe(0);
    expect(await repo.countByState(database.db, programmeId)).toEqual({ waiting: 4 });
  });

  it('locks the programme row inside a transaction and reads its capacity', async () => {
    const locked = await database.db.transaction().execute((trx) => repo.lockProgramme(trx, programmeId));
    expect(locked).toEqual({ capacity: 2, status: 'open' });
  });

  it('keeps the transition log append-only at the database level', async () => {
    const e = (await repo.firstInLine(database.db, programmeId, 1))[0]!;
    await repo.logTransition(
      database.db,
      { enrollmentId: e.id, programmeId, officeId, from: null, to: 'waiting', actorId: null, reason: '', channel: 'hotline' },
      new Date(),
    );
    await expect(database.db.updateTable('enrollment_transitions').set({ reason: 'changed' }).execute()).rejects.toThrow(/append-only/);
    await expect(database.db.deleteFrom('enrollment_transitions').execute()).rejects.toThrow(/append-only/);
  });

  it('refuses a second enrollment of the same worker in a programme', async () => {
    await expect(
      repo.insertEnrollment(
        database.db,
        {
          programmeId,
          workerId: workers[0]!,
          officeId,
          state: 'eligible',
          rank: 0,
          channel: null,
          priorityCigsEnd: null,
          requestedAt: null,
        },
        new Date(),
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });
});
