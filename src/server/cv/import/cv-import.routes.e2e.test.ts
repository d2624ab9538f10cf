import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorker, insertWorkers } from '../../../../tests/factories/workers.js';
import { escoMiniZips, removeFixtureZips } from '../../../../tests/fixtures/taxonomy/esco-fixture.js';
import {
  DEMO,
  createTestApp,
  expectProblem,
  officeIdByCode,
  signIn,
  type Agent,
  type TestApp,
} from '../../../../tests/helpers/test-app.js';
import { projectPath } from '../../paths.js';
import { getProfile } from '../../profiles/index.js';
import { importEsco, readEscoZips } from '../../taxonomy/index.js';
import type { CvImportPreview } from '../../../shared/schemas/cv-import.schema.js';

let t: TestApp;
let consultant: Agent;
let frontOffice: Agent;
let barbieri: string;
let carpiWorker: string;

const barbieriXml = readFileSync(projectPath('tests', 'fixtures', 'cv', 'europass-v2', 'europass-v2.0-barbieri.xml'));
const octet = { 'content-type': 'application/octet-stream' };
const upload = (agent: Agent, workerId: string, bytes: Uint8Array | string, query = '') =>
  agent.request({ method: 'POST', url: `/api/v1/workers/${workerId}/cv-imports${query}`, payload: Buffer.from(bytes), headers: octet });

beforeAll(async () => {
  t = await createTestApp();
  // A slice of ESCO with its Italian labels, for the skill proposals.
  const zips = escoMiniZips();
  await importEsco(t.database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  await importEsco(t.database, { ...(await readEscoZips([zips.classificationIt])), version: 'v1.1.1', lang: 'it' });
  consultant = await signIn(t.app, DEMO.consultant);
  frontOffice = await signIn(t.app, DEMO.frontoffice);
  const session = (await consultant.get('/api/v1/auth/session')).json();
  const officeId: string = session.currentOffice?.id ?? session.officeId ?? (await officeIdByCode(t.database, 'CPI-MO'));
  const carpi = await officeIdByCode(t.database, 'CPI-CA');
  const otherOffice = officeId === carpi ? await officeIdByCode(t.database, 'CPI-MI') : carpi;
  [barbieri, carpiWorker] = (await insertWorkers(t.database.db, [
    // The record says Sassuolo's old address and another phone: the CV's differ.
    buildWorker(
      {
        officeId,
        firstName: 'Giuseppe',
        lastName: 'Barbieri',
        birthDate: '1972-11-08',
        address: 'Via Mazzini 4',
        phone: '+393472210983',
        email: null,
      },
      9401,
    ),
    buildWorker({ officeId: otherOffice, firstName: 'Marta', lastName: 'Galli' }, 9402),
  ])) as [string, string];
});
afterAll(async () => {
  await t.close();
  removeFixtureZips();
});

describe('POST /api/v1/workers/:workerId/cv-imports (preview)', () => {
  it('answers 401 to anonymous callers', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/workers/${barbieri}/cv-imports`, payload: barbieriXml, headers: octet });
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it('answers 403 to the front office, who does not write profiles, and 404 for a worker of another office', async () => {
    expectProblem(await upload(frontOffice, barbieri, barbieriXml), 403, 'FORBIDDEN');
    expectProblem(await upload(consultant, carpiWorker, barbieriXml), 404, 'WORKER_NOT_FOUND');
  });

  it('answers 400 to a worker id that is not one, or a language it does not know', async () => {
    expectProblem(await upload(consultant, 'barbieri', barbieriXml), 400, 'VALIDATION_FAILED');
    expectProblem(await upload(consultant, barbieri, barbieriXml, '?lang=fr'), 400, 'VALIDATION_FAILED');
  });

  it('answers 413 in Italian above 20 MB', async () => {
    const res = await upload(consultant, barbieri, new Uint8Array(20 * 1024 * 1024 + 10));
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('20 MB');
  });

  it('answers 422 to a corrupt XML naming its line, and to a PDF without an embedded CV', async () => {
    const broken = barbieriXml.toString().replace('</position>', '</posizione>');
    const corrupt = expectProblem(await upload(consultant, barbieri, broken), 422, 'CV_XML_MALFORMED');
    expect(corrupt.detail).toMatch(/^Il file XML del CV è danneggiato alla riga \d+/);
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const noCv = expectProblem(await upload(consultant, barbieri, await pdf.save()), 422, 'CV_PDF_WITHOUT_EUROPASS');
    expect(noCv.detail).toMatch(/^Il PDF non contiene un CV Europass in formato XML/);
  });

  it('answers 422 with the schema’s paths to a JSON Resume that fails it', async () => {
    const body = expectProblem(
      await upload(consultant, barbieri, JSON.stringify({ basics: { name: 'Giuseppe Barbieri', email: 'giuseppe(at)libero.it' } })),
      422,
      'CV_JSON_RESUME_INVALID',
    );
    expect(body.errors).toEqual([{ path: 'file/basics/email', message: 'basics.email: non è un indirizzo e-mail valido' }]);
    expect(body.detail).toBe(
      'Il JSON Resume non rispetta lo schema JSON Resume (1 errore): basics.email: non è un indirizzo e-mail valido.',
    );
  });

  it('shows what the Europass 2.0 CV adds, the identity differences, saves nothing and audits the read', async () => {
    const res = await upload(consultant, barbieri, barbieriXml);
    expect(res.statusCode).toBe(200);
    const preview: CvImportPreview = res.json();
    expect(preview.source).toEqual({ format: 'europass_xml', version: '2.0' });
    expect(preview.baseVersion).toBe(0);
    expect(preview.additions.work.map((w) => `${w.jobTitle} – ${w.employer}`)).toEqual([
      'Operaio addetto alla linea di smaltatura – Ceramiche Fiorano Nuova S.p.A.',
      'Magazziniere – Trasporti Ferrari Gino & C. s.n.c.',
    ]);
    expect(preview.additions.languages.map((l) => l.code)).toEqual(['it', 'fr']);
    expect(preview.additions.drivingLicences).toEqual(['B', 'C']);
    // Same name and mobile; the street and the e-mail differ from the record.
    expect(preview.identity.differences).toEqual([
      { field: 'email', cv: 'giuseppe.barbieri72@libero.it', worker: null },
      { field: 'address', cv: 'Via Radici in Piano 218', worker: 'Via Mazzini 4' },
      { field: 'postalCode', cv: '41049', worker: null },
    ]);
    expect(preview.skillProposals.map((p) => p.phrase)).toContain('uso del carrello elevatore');
    expect((await getProfile(t.database.db, barbieri)).version).toBe(0);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'details'])
      .where('action', '=', 'cv_import.previewed')
      .where('entity_id', '=', barbieri)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain('Barbieri');
  });
});

describe('POST /api/v1/workers/:workerId/cv-imports/apply', () => {
  it('answers 401, 403 and 400 first', async () => {
    const url = `/api/v1/workers/${barbieri}/cv-imports/apply`;
    expectProblem(await t.app.inject({ method: 'POST', url, payload: { baseVersion: 0 } }), 401, 'UNAUTHENTICATED');
    expectProblem(await frontOffice.post(url, { baseVersion: 0 }), 403, 'FORBIDDEN');
    const bad = expectProblem(
      await consultant.post(url, {
        baseVersion: -1,
        work: [{ id: 'x', employer: 'Ceramica Marazzi', jobTitle: 'Scelta', startDate: '2019-13' }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body/baseVersion', 'body/work/0/id', 'body/work/0/startDate']),
    );
    expectProblem(await consultant.post(`/api/v1/workers/${carpiWorker}/cv-imports/apply`, { baseVersion: 0 }), 404, 'WORKER_NOT_FOUND');
  });

  it('applies the chosen entries in one version, skips them the second time, and refuses a stale base with 409', async () => {
    const preview: CvImportPreview = (await upload(consultant, barbieri, barbieriXml)).json();
    const url = `/api/v1/workers/${barbieri}/cv-imports/apply`;
    const choice = {
      baseVersion: preview.baseVersion,
      // The consultant keeps the glazing job, not the warehouse; both languages and the licences.
      work: preview.additions.work.filter((w) => w.employer.startsWith('Ceramiche')),
      education: preview.additions.education,
      languages: preview.additions.languages,
      drivingLicences: preview.additions.drivingLicences,
      skills: [{ label: 'uso del carrello elevatore' }],
    };
    const res = await consultant.post(url, choice);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json()).toMatchObject({
      version: 1,
      added: { work: 1, education: 1, languages: 2, drivingLicences: 2, skills: 1, certificates: 0, summary: false },
    });
    const stored = await getProfile(t.database.db, barbieri);
    expect(stored.version).toBe(1);
    expect(stored.document.work.map((w) => w.employer)).toEqual(['Ceramiche Fiorano Nuova S.p.A.']);
    expect(stored.document.skills).toEqual([expect.objectContaining({ label: 'uso del carrello elevatore', source: 'cv' })]);

    // The same preview again: its base is stale now.
    expectProblem(await consultant.post(url, choice), 409, 'PROFILE_VERSION_CONFLICT');
    // A new preview offers only what is missing: the warehouse job.
    const again: CvImportPreview = (await upload(consultant, barbieri, barbieriXml)).json();
    expect(again.baseVersion).toBe(1);
    expect(again.additions.work.map((w) => w.jobTitle)).toEqual(['Magazziniere']);
    expect(again.alreadyPresent).toMatchObject({ work: 1, languages: 2, drivingLicences: 2, education: 1 });
  });

  it('refuses with 422 an unknown ESCO skill and saves nothing of the rest', async () => {
    const before = await getProfile(t.database.db, barbieri);
    const preview: CvImportPreview = (await upload(consultant, barbieri, barbieriXml)).json();
    const res = await consultant.post(`/api/v1/workers/${barbieri}/cv-imports/apply`, {
      baseVersion: preview.baseVersion,
      work: preview.additions.work,
      skills: [{ label: 'Smaltatura', escoUri: 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000' }],
    });
    expect(res.statusCode).toBe(422);
    const after = await getProfile(t.database.db, barbieri);
    expect(after.version).toBe(before.version);
    expect(after.document.work).toHaveLength(before.document.work.length);
  });
});

describe('ESCO proposals for the skills a CV names', () => {
  it('proposes ESCO skills in Italian for a JSON Resume skill and for Europass free text, and applies the confirmed one', async () => {
    const [sara] = await insertWorkers(t.database.db, [
      buildWorker({ officeId: (await workerOffice(barbieri))!, firstName: 'Sara', lastName: 'Esposito' }, 9403),
    ]);
    const resume = {
      basics: { name: 'Sara Esposito' },
      skills: [{ name: 'Saldatura', level: 'Intermedio' }, { name: 'Programmazione informatica' }],
    };
    const preview: CvImportPreview = (await upload(consultant, sara!, JSON.stringify(resume))).json();
    const saldatura = preview.skillProposals.find((p) => p.phrase === 'Saldatura')!;
    expect(saldatura.skillEntryId).toBe(preview.additions.skills.find((s) => s.label === 'Saldatura')!.id);
    expect(saldatura.candidates.map((c) => c.label)).toContain('unire metalli');
    const programming = preview.skillProposals.find((p) => p.phrase === 'Programmazione informatica')!;
    expect(programming.candidates[0]).toMatchObject({ label: 'programmazione informatica', labelLanguage: 'it' });

    const confirmed = programming.candidates[0]!;
    const res = await consultant.post(`/api/v1/workers/${sara}/cv-imports/apply`, {
      baseVersion: preview.baseVersion,
      skills: [
        { label: confirmed.label, escoUri: confirmed.uri },
        { label: 'Saldatura', level: 'intermediate' },
      ],
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const skills = (await getProfile(t.database.db, sara!)).document.skills;
    expect(skills.map((s) => [s.label, s.escoUri ?? null, s.source, s.level ?? null])).toEqual([
      ['programmazione informatica', confirmed.uri, 'cv', null],
      ['Saldatura', null, 'cv', 'intermediate'],
    ]);
  });
});

async function workerOffice(workerId: string): Promise<string | undefined> {
  const row = await t.database.db.selectFrom('workers').select('office_id').where('id', '=', workerId).executeTakeFirst();
  return row?.office_id;
}
