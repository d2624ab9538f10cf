import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { buildCigsCase, buildProgramme, buildWorkers } from './programmes.js';

/**
 * A world of its own inside the demo network: a new office, a programme for it, and workers
 * whose CIGS ends 30 days, 3 months and 9 months from `today`, so a campaign targets exactly them.
 */
export async function buildOutreachWorld(db: Kysely<DB>, networkId: string, today: string) {
  const code = `T-${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
  const office = await db
    .insertInto('offices')
    .values({
      network_id: networkId,
      code,
      name: `Centro per l’impiego di Prova ${code}`,
      address: 'Via Prova 1',
      postal_code: '41100',
      comune: 'Modena',
      province: 'MO',
      phone: '+39 059 000 9999',
      email: 'prova@ricolloca.example',
      opening_hours: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('hotline_hours')
    .values([1, 2, 3, 5].map((weekday) => ({ office_id: office.id, weekday, opens: '10:00', closes: '13:30' })))
    .execute();
  const programmeId = await buildProgramme(db, { networkId, officeIds: [office.id], capacity: 100 });
  const { caseId } = await buildCigsCase(db, networkId, { companyName: 'Ceramiche Prova S.p.A.' });
  const { caseId: otherCase } = await buildCigsCase(db, networkId, { reason: 'riorganizzazione' });
  const plus = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
  const people = [
    { last: 'Nove Mesi', end: plus(270), phone: '+393401000001', email: 'nove@posta.example' },
    { last: 'Trenta Giorni', end: plus(30), phone: '+393401000002', email: 'trenta@posta.example' },
    { last: 'Tre Mesi', end: plus(90), phone: '+393401000003', email: null },
    { last: 'Senza Telefono', end: plus(60), phone: null, email: null },
  ];
  const ids: Record<string, string> = {};
  for (const p of people) {
    const [id] = await buildWorkers(db, { networkId, officeId: office.id, caseId, cigsEnd: p.end, lastName: p.last });
    await db
      .updateTable('workers')
      .set({ phone: p.phone, email: p.email, address: p.phone ? `Via ${p.last} 1` : '', residence_comune_code: '036023' })
      .where('id', '=', id!)
      .execute();
    ids[p.last] = id!;
  }
  // Not targeted: already registered, and a CIGS reason the programme does not cover.
  const [registered] = await buildWorkers(db, { networkId, officeId: office.id, caseId, cigsEnd: plus(10), lastName: 'Gia Iscritto' });
  await db
    .insertInto('enrollments')
    .values({ programme_id: programmeId, worker_id: registered!, office_id: office.id, state: 'registered', requested_at: new Date() })
    .execute();
  await buildWorkers(db, { networkId, officeId: office.id, caseId: otherCase, cigsEnd: plus(20), lastName: 'Riorganizzazione' });
  return { officeId: office.id, programmeId, ids, registered: registered! };
}
