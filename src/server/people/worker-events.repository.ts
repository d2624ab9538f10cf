import type { Executor } from '../db/executor.js';

export interface WorkerEventInput {
  workerId: string;
  officeId: string;
  /** Dotted, domain-first: 'worker.created', 'enrollment.registered', 'outreach.sms_sent' … */
  kind: string;
  actorId: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

/**
 * Appends one entry to the worker's timeline. Call it inside the transaction of the write it
 * describes (any domain may: hotline intake, importer, programmes, outreach).
 */
export async function appendWorkerEvent(trx: Executor, event: WorkerEventInput): Promise<void> {
  await trx
    .insertInto('worker_events')
    .values({
      worker_id: event.workerId,
      office_id: event.officeId,
      kind: event.kind,
      actor_id: event.actorId,
      details: JSON.stringify(event.details ?? {}),
      ...(event.at ? { at: event.at } : {}),
    })
    .execute();
}
