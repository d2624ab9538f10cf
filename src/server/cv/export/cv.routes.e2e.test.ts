import { randomUUID } from 'node:crypto';
import { escoMiniZips, removeFixtureZips } from '../../../../tests/fixtures/taxonomy/esco-fixture.js';
import { importEsco, readEscoZips } from '../../taxonomy/index.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaConsultant, agendaWorkers } from '../../../../tests/factories/agenda.js';
import {
  DEMO,
  createTestApp,
  expectProblem,
  officeIdByCode,
  signIn,
  type Agent,
  type TestApp,
} from '../../../../tests/helpers/test-app.js';
import { applyProfileChanges } from '../../profiles/index.js';
import { longCv, samplePortraitPng } from './cv-samples.test-helper.js';
import { validateJsonResume } from './json-resume.js';

// A consultant of Modena builds CVs with a worker from the worker's profile, edits them, and
// downloads them; the guards, the office scope, the 409 of a stale save and the audit trail.

let t: TestApp;
let consultant: Agent;
let colleague: Agent;
let modena: string;
let worker: { id: string; name: string };
let carpiWorker: string;
const dir = mkdtempSync(join(tmpdir(), 'cv-e2e-'));

beforeAll(async () => {
  t = await createTestApp();
  modena = await officeIdByCode(t.database, 'CPI-MO');
  const carpi = await officeIdByCode(t.database, 'CPI-CA');
  consultant = (
    await agendaConsultant(t.app, t.database.db, {
      officeId: modena,
      fullName: 'Marta D’Angelo',
      email: 'marta.dangelo.cv@cpi-modena.example',
    })
  ).agent;
  colleague = (
    await agendaConsultant(t.app, t.database.db, {
      officeId: modena,
      fullName: 'Luca Esposito',
      email: 'luca.esposito.cv@cpi-modena.example',
    })
  ).agent;
  const people = await agendaWorkers(
    t.database.db,
    modena,
    [{ firstName: 'Nicolò', lastName: 'Esposito', email: 'nicolo.esposito@esempio.it' }],
    9400,
  );
  worker = people[0]!;
  carpiWorker = (await agendaWorkers(t.database.db, carpi, [{ firstName: 'Giulia', lastName: 'Barbieri' }], 9410))[0]!.id;
  const network = await t.database.db.selectFrom('offices').select('network_id').where('id', '=', modena).executeTakeFirstOrThrow();
  // The worker's profile, as the profile screen would have saved it: the long sample CV's career.
  // With a skill ticked from ESCO while only its English bundle is loaded: the CV prints the
  // network's Italian label of it (the labels the product ships), not the English one stored.
  const zips = escoMiniZips();
  await importEsco(t.database, { ...(await readEscoZips([zips.classificationEn, zips.relations])), version: 'v1.1.1' });
  removeFixtureZips();
  const sample = longCv().profile;
  const profile = {
    ...sample,
    skills: [
      ...sample.skills,
      { id: randomUUID(), escoUri: TROUBLESHOOT, label: 'troubleshoot', source: 'declared' as const, keywords: [] },
    ],
  };
  await t.database.db.transaction().execute((tx) =>
    applyProfileChanges(tx, {
      workerId: worker.id,
      officeId: modena,
      networkId: network.network_id,
      baseVersion: null,
      actorId: null,
      reason: 'edit',
      change: () => profile,
    }),
  );
});
afterAll(() => t.close());

const TROUBLESHOOT = 'http://data.europa.eu/esco/skill/334e3e49-fb02-4051-809a-f06adfdc1c40';
const cvs = (workerId = worker.id) => `/api/v1/workers/${workerId}/cvs`;

async function createCv(title = 'CV per il magazzino') {
  const res = await consultant.post(cvs(), {
    title,
    choices: { headline: 'Carrellista con patentino', sections: ['summary', 'work', 'languages', 'drivingLicences'] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

describe('the CVs’ guards', () => {
  it('answers 401 without a session, 403 to the front office, 400 to a malformed request', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: cvs() }), 401, 'UNAUTHENTICATED');
    const frontoffice = await signIn(t.app, DEMO.frontoffice);
    expectProblem(await frontoffice.get(cvs()), 403, 'FORBIDDEN');
    expectProblem(await frontoffice.post(cvs(), { title: 'CV' }), 403, 'FORBIDDEN');
    const matcher = await signIn(t.app, DEMO.matcher);
    expectProblem(await matcher.post(cvs(), { title: 'CV' }), 403, 'FORBIDDEN');
    const noTitle = expectProblem(await consultant.post(cvs(), { title: '  ' }), 400, 'VALIDATION_FAILED');
    expect(noTitle.errors).toContainEqual(expect.objectContaining({ path: 'body/title' }));
    const badSection = expectProblem(
      await consultant.post(cvs(), { title: 'CV', choices: { sections: ['work', 'hobby'] } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(badSection.errors).toContainEqual(expect.objectContaining({ path: 'body/choices/sections/1' }));
    expectProblem(await consultant.get('/api/v1/workers/not-a-uuid/cvs'), 400, 'VALIDATION_FAILED');
  });

  it('hides the workers of another office (404), and a CV of another worker', async () => {
    expectProblem(await consultant.get(cvs(carpiWorker)), 404, 'WORKER_NOT_FOUND');
    expectProblem(await consultant.post(cvs(carpiWorker), { title: 'CV' }), 404, 'WORKER_NOT_FOUND');
    const cv = await createCv();
    expectProblem(await consultant.get(`${cvs(carpiWorker)}/${cv.id}/pdf`), 404, 'WORKER_NOT_FOUND');
    const other = (await agendaWorkers(t.database.db, modena, [{ firstName: 'Maria Grazia', lastName: 'De Luca' }], 9420))[0]!;
    expectProblem(await consultant.get(`${cvs(other.id)}/${cv.id}`), 404, 'CV_NOT_FOUND');
  });
});

describe('a worker’s CVs', () => {
  it('creates a CV from the profile, lists it and reads it', async () => {
    const cv = await createCv('CV per la logistica');
    expect(cv).toMatchObject({
      title: 'CV per la logistica',
      language: 'it',
      version: 1,
      hasPhoto: false,
      createdByName: 'Marta D’Angelo',
    });
    const list = (await consultant.get(cvs())).json().items as { id: string; title: string }[];
    expect(list.map((c) => c.title)).toContain('CV per la logistica');
    const read = await consultant.get(`${cvs()}/${cv.id}`);
    expect(read.json().choices.headline).toBe('Carrellista con patentino');
  });

  it('saves an edit on its base version, refuses a stale one with 409, and keeps every version', async () => {
    const cv = await createCv('CV per la ceramica');
    const edited = await consultant.patch(`${cvs()}/${cv.id}`, {
      baseVersion: 1,
      choices: {
        headline: 'Conduttore di forno',
        sections: ['work', 'education'],
        summary: 'Trent’anni in ceramica, dal forno alla scelta.',
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, updatedByName: 'Marta D’Angelo' });
    const stale = expectProblem(
      await colleague.patch(`${cvs()}/${cv.id}`, { baseVersion: 1, title: 'CV ceramica (Luca)' }),
      409,
      'CV_VERSION_CONFLICT',
    );
    expect(stale.detail).toContain('niente è stato salvato');
    expect((await consultant.get(`${cvs()}/${cv.id}`)).json().title).toBe('CV per la ceramica');
    const versions = (await consultant.get(`${cvs()}/${cv.id}/versions`)).json().items as {
      version: number;
      choices: { headline?: string };
    }[];
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]!.choices.headline).toBe('Conduttore di forno');
    expect(versions[1]!.choices.headline).toBe('Carrellista con patentino');
  });

  it('prints a skill with the label the product shows: the network’s Italian one over ESCO’s English', async () => {
    const res = await consultant.post(cvs(), { title: 'CV delle competenze', choices: { sections: ['skills'] } });
    expect(res.statusCode, res.body).toBe(201);
    const pdf = await consultant.get(`${cvs()}/${res.json().id}/pdf`);
    const file = join(dir, 'skills.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('individuare e risolvere guasti');
    expect(text).not.toContain('troubleshoot');
  });

  it('downloads the PDF and the JSON Resume, each download audited', async () => {
    const cv = await createCv();
    const pdf = await consultant.get(`${cvs()}/${cv.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="CV-Esposito-Nicolo.pdf"');
    const file = join(dir, 'cv.pdf');
    writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Nicolò Esposito');
    expect(text).toContain('Carrellista con patentino');
    expect(text).toContain('Tessitura D’Angelo S.p.A.');
    expect(text).toContain('nicolo.esposito@esempio.it');
    expect(text).not.toContain('ISTRUZIONE E FORMAZIONE');
    // The preview shows it in the page.
    const inline = await consultant.get(`${cvs()}/${cv.id}/pdf?disposition=inline`);
    expect(inline.headers['content-disposition']).toBe('inline; filename="CV-Esposito-Nicolo.pdf"');
    expect(inline.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'self'");
    expect(pdf.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expectProblem(await consultant.get(`${cvs()}/${cv.id}/pdf?disposition=popup`), 400, 'VALIDATION_FAILED');

    const json = await consultant.get(`${cvs()}/${cv.id}/json-resume`);
    expect(json.statusCode).toBe(200);
    const resume = json.json();
    expect(validateJsonResume(resume).valid).toBe(true);
    expect(resume.basics).toMatchObject({
      name: 'Nicolò Esposito',
      label: 'Carrellista con patentino',
      email: 'nicolo.esposito@esempio.it',
    });
    expect(resume.work).toHaveLength(11);
    expect(resume.education).toBeUndefined();

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'details', 'office_id'])
      .where('entity_id', '=', worker.id)
      .where('action', 'in', ['cv.pdf.downloaded', 'cv.json_resume.downloaded'])
      .execute();
    // The download, the preview and the JSON Resume: three reads of the CV.
    expect(
      audit
        .filter((a) => (a.details as { cvId?: string }).cvId === cv.id)
        .map((a) => a.action)
        .sort(),
    ).toEqual(['cv.json_resume.downloaded', 'cv.pdf.downloaded', 'cv.pdf.downloaded']);
    expect(audit.every((a) => a.office_id === modena)).toBe(true);
  });

  it('takes a JPEG or PNG photo up to 2 MB, checked by its bytes, and prints it', async () => {
    const cv = await createCv();
    const url = `${cvs()}/${cv.id}/photo`;
    const upload = (payload: Buffer, type = 'application/octet-stream') =>
      consultant.request({ method: 'PUT', url, payload, headers: { 'content-type': type } });
    const fakeJpeg = Buffer.from('GIF89a pretending to be a JPEG');
    expectProblem(await upload(fakeJpeg, 'image/jpeg'), 415, 'CV_PHOTO_TYPE');
    const huge = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2 * 1024 * 1024)]);
    const tooLarge = expectProblem(await upload(huge), 413, 'CV_PHOTO_TOO_LARGE');
    expect(tooLarge.detail).toContain('2 MB');
    const ok = await upload(samplePortraitPng(), 'image/png');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().hasPhoto).toBe(true);
    const pdf = await consultant.get(`${cvs()}/${cv.id}/pdf`);
    const file = join(dir, 'photo.pdf');
    writeFileSync(file, pdf.rawPayload);
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })).toMatch(/\n\s*1\s+0\s+image\s+120\s+150/);
    const removed = await consultant.request({ method: 'DELETE', url });
    expect(removed.json().hasPhoto).toBe(false);
  });
});
