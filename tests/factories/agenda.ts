import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { hashPassword } from '../../src/server/auth/index.js';
import type { DB } from '../../src/server/db/schema.js';
import { signIn, type Agent } from '../helpers/test-app.js';
import { buildWorker, insertWorkers } from './workers.js';

export const AGENDA_PASSWORD = 'Agenda.Prova.2026!';
const PASSWORD = AGENDA_PASSWORD;
let hash: Promise<string> | null = null;

/**
 * A consultant of one office with an empty agenda, signed in: the demo's own consultants carry the
 * demo's month of meetings, which a test of the first free slots must not depend on.
 */
export async function agendaConsultant(
  app: FastifyInstance,
  db: Kysely<DB>,
  o: { officeId: string; fullName: string; email: string },
): Promise<{ id: string; fullName: string; agent: Agent }> {
  hash ??= hashPassword(PASSWORD);
  const user = await db
    .insertInto('staff_users')
    .values({ email: o.email, full_name: o.fullName, password_hash: await hash, must_change_password: false, last_office_id: o.officeId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('staff_roles').values({ user_id: user.id, office_id: o.officeId, role: 'consultant' }).execute();
  return { id: user.id, fullName: o.fullName, agent: await signIn(app, o.email, PASSWORD) };
}

/** Workers of an office with no meeting yet, named as real people are (an apostrophe, a double surname). */
export async function agendaWorkers(
  db: Kysely<DB>,
  officeId: string,
  people: Array<{ firstName: string; lastName: string; email?: string | null }>,
  index = 9100,
): Promise<Array<{ id: string; firstName: string; lastName: string; name: string; email: string | null; phone: string }>> {
  const seeds = people.map((p, i) =>
    buildWorker({ officeId, firstName: p.firstName, lastName: p.lastName, email: p.email ?? null }, index + i),
  );
  const ids = await insertWorkers(db, seeds);
  return seeds.map((s, i) => ({
    id: ids[i]!,
    firstName: s.firstName,
    lastName: s.lastName,
    name: `${s.lastName} ${s.firstName}`,
    email: s.email,
    phone: s.phone!,
  }));
}
