import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../../../tests/helpers/test-database.js';
import { profileDocumentSchema } from '../../shared/schemas/profiles.schema.js';
import { profileCompleteness } from '../profiles/index.js';
import { DEMO_OCCUPATIONS_BY_ATECO } from './demo-profile-occupations.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase({ demo: true });
});
afterAll(() => database.close());

describe('demo profiles', () => {
  it('gives most interviewed workers a valid profile, at various stages, consistent with their crisis company', async () => {
    const rows = await database.db
      .selectFrom('worker_profiles as p')
      .innerJoin('workers as w', 'w.id', 'p.worker_id')
      .innerJoin('cigs_cases as c', 'c.id', 'w.cigs_case_id')
      .innerJoin('companies as co', 'co.id', 'c.company_id')
      .select([
        'p.document',
        'p.version',
        'p.office_id',
        'w.office_id as worker_office',
        'w.birth_date',
        'co.id as company_id',
        'co.ateco_code',
      ])
      .execute();
    const interviewed = await database.db
      .selectFrom('enrollments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', 'in', ['registered', 'waiting', 'assessed', 'enrolled', 'placed'])
      .executeTakeFirstOrThrow();
    console.info(`demo profiles: ${rows.length} of ${Number(interviewed.n)} interviewed workers`);
    expect(rows.length).toBeGreaterThan(Number(interviewed.n) * 0.7);
    expect(rows.length).toBeLessThanOrEqual(Number(interviewed.n));

    const percents = new Set<number>();
    let fromCourses = 0;
    for (const row of rows) {
      const doc = profileDocumentSchema.parse(row.document);
      // The consultant's first version, then one for each completed course that added its skills.
      expect(row.version).toBeGreaterThanOrEqual(1);
      fromCourses += row.version - 1;
      expect(row.office_id).toBe(row.worker_office);
      const [current] = doc.work;
      expect(current).toMatchObject({ companyId: row.company_id, atecoCode: row.ateco_code });
      const sector = DEMO_OCCUPATIONS_BY_ATECO[row.ateco_code!]!;
      expect(sector.map((o) => o.uri)).toContain(current!.escoOccupationUri);
      const known = new Set(sector.flatMap((o) => o.skills.map(([uri]) => uri)));
      expect(doc.skills.every((s) => known.has(s.escoUri!) || (s.source === 'course' && s.courseId !== undefined))).toBe(true);
      expect(doc.skills.some((s) => s.source === 'course')).toBe(row.version > 1);
      const birthYear = Number(row.birth_date!.slice(0, 4));
      for (const e of doc.education) expect(Number(e.endDate!.slice(0, 4))).toBeGreaterThanOrEqual(birthYear + 10);
      for (const w of doc.work) expect(Number(w.startDate.slice(0, 4))).toBeGreaterThanOrEqual(birthYear + 14);
      percents.add(profileCompleteness(doc).percent);
    }
    expect(percents.has(100)).toBe(true);
    expect([...percents].some((p) => p < 60)).toBe(true);

    const versions = await database.db
      .selectFrom('worker_profile_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(versions.n)).toBe(rows.length + fromCourses);
    // Some profiled workers completed a course of the demo catalogue, whose skills their profile now holds.
    expect(fromCourses).toBeGreaterThan(0);
  });
});

describe('demo CVs', () => {
  it('are built from the profiles of some workers, each with its first version and a JSON Resume that names the worker', async () => {
    const cvs = await database.db
      .selectFrom('worker_cvs as c')
      .innerJoin('worker_cv_versions as v', (j) => j.onRef('v.cv_id', '=', 'c.id').on('v.version', '=', 1))
      .innerJoin('workers as w', 'w.id', 'c.worker_id')
      .innerJoin('worker_profiles as p', 'p.worker_id', 'c.worker_id')
      .select([
        'c.title',
        'c.office_id',
        'w.office_id as worker_office',
        'w.first_name',
        'w.last_name',
        'v.document',
        'p.version as current_profile_version',
        'v.profile_version',
      ])
      .execute();
    expect(cvs.length).toBeGreaterThan(5);
    for (const cv of cvs) {
      expect(cv.office_id).toBe(cv.worker_office);
      // Built after the courses added their skills: from the profile as it stands.
      expect(cv.profile_version).toBe(cv.current_profile_version);
      const resume = (typeof cv.document === 'string' ? JSON.parse(cv.document) : cv.document) as {
        basics?: { name?: string };
        work?: unknown[];
      };
      expect(resume.basics?.name).toBe(`${cv.first_name} ${cv.last_name}`);
      expect(resume.work?.length).toBeGreaterThan(0);
    }
  });
});
