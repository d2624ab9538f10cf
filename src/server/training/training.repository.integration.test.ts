import { romeToday } from '../../shared/time/rome-time.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { coursesTeachingSkills } from './index.js';
import { createTrainingRepository } from './training.repository.js';

// The demo catalogue (src/server/demo/demo-training.ts) as the test database holds it.
let database: Database;
let networkId: string;
const repo = createTrainingRepository();
const FORKLIFT = 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da';
const MAG = 'http://data.europa.eu/esco/skill/60ff3eac-7d4d-4e51-87b8-74c3b5d62498';

beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
  networkId = (await database.db.selectFrom('networks').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(() => database.close());

describe('the demo catalogue', () => {
  it('holds 40 courses of three providers, none over its seats, three full with a waiting list', async () => {
    const providers = await repo.listProviders(database.db, networkId);
    expect(providers.map((p) => p.name)).toEqual([
      'Accademia Logistica Emilia Nord',
      'Centro Ceramica e Design di Sassuolo',
      'Scuola di Formazione Professionale del Panaro',
    ]);
    expect(providers.reduce((n, p) => n + p.courseCount, 0)).toBe(40);
    const { items, total } = await repo.searchCourses(database.db, networkId, { limit: 200, offset: 0 });
    expect(total).toBe(40);
    for (const c of items) expect(c.seatsTaken, c.title).toBeLessThanOrEqual(c.seats);
    const full = items.filter((c) => c.status === 'open' && c.seatsTaken === c.seats && c.waiting > 0);
    expect(full).toHaveLength(3);
  });

  it('records each completion as a delivered service of the hours attended', async () => {
    const completed = await database.db
      .selectFrom('training_enrolments')
      .select(['id', 'hours_attended', 'completed_on'])
      .where('state', '=', 'completed')
      .execute();
    expect(completed.length).toBeGreaterThan(20);
    const services = await database.db
      .selectFrom('service_records')
      .select(['source_id', 'minutes', 'delivered_on', 'service_code'])
      .where('source_type', '=', 'course')
      .execute();
    const byId = new Map(services.map((s) => [s.source_id, s]));
    for (const e of completed) {
      expect(byId.get(e.id)).toMatchObject({
        minutes: Number(e.hours_attended) * 60,
        delivered_on: e.completed_on,
        service_code: 'training',
      });
    }
    expect(services).toHaveLength(completed.length);
  });
});

describe('coursesTeachingSkills', () => {
  it('finds the courses teaching any of the skills, by start date, with the skills each closes and its seats left', async () => {
    const today = romeToday(new Date());
    const found = await coursesTeachingSkills(database.db, { networkId, skillUris: [FORKLIFT, MAG], today });
    expect(new Set(found.map((c) => c.title))).toEqual(
      new Set(['Carrellista – conduzione di carrelli elevatori semoventi', 'Saldatura a filo MIG/MAG – livello base']),
    );
    expect(found.map((c) => c.startDate)).toEqual([...found.map((c) => c.startDate)].sort());
    for (const c of found) {
      expect(c.skillUris).toEqual(c.title.startsWith('Carrellista') ? [FORKLIFT] : [MAG]);
      expect(c.seatsLeft).toBeGreaterThanOrEqual(0);
      expect(c.providerName).not.toBe('');
    }
    const coming = await coursesTeachingSkills(database.db, { networkId, skillUris: [FORKLIFT], from: today, today });
    expect(coming.every((c) => c.startDate >= today)).toBe(true);
    // A course is joinable when it is open and its deadline has not passed: past editions never are.
    expect(found.filter((c) => c.startDate < today).every((c) => !c.enrolmentOpen)).toBe(true);
    expect(coming.length).toBeLessThan(found.filter((c) => c.skillUris.includes(FORKLIFT)).length);
    expect(await coursesTeachingSkills(database.db, { networkId, skillUris: [], today })).toEqual([]);
  });
});
