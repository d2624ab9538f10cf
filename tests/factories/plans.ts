import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import type { EnrollmentState } from '../../src/server/db/schema-programmes.js';
import { agendaConsultant } from './agenda.js';
import { buildProgramme, networkOf } from './programmes.js';
import { enrolledWorkers, type OfficeWorker } from './workshops.js';

/**
 * A programme of one office, a consultant of it with no plan yet, and workers enrolled in the
 * programme in the given states: what a test of action plans starts from.
 */
export async function planWorld(
  app: FastifyInstance,
  db: Kysely<DB>,
  o: {
    officeId: string;
    consultant: { fullName: string; email: string };
    workers: Array<{ firstName: string; lastName: string; state: EnrollmentState | null }>;
    index: number;
  },
) {
  const networkId = await networkOf(db, o.officeId);
  const programmeId = await buildProgramme(db, { networkId, officeIds: [o.officeId], capacity: 50 });
  await db.updateTable('programmes').set({ name: 'Ricollocazione lavoratori ceramica 2026' }).where('id', '=', programmeId).execute();
  const consultant = await agendaConsultant(app, db, { officeId: o.officeId, ...o.consultant });
  const workers: OfficeWorker[] = await enrolledWorkers(
    db,
    { officeId: o.officeId, programmeId },
    o.workers.map((w) => ({ ...w, caseId: null })),
    o.index,
  );
  return { networkId, programmeId, consultant, workers };
}
