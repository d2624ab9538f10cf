import type { Executor } from '../db/executor.js';

/**
 * A notice to an office's staff of a role (the notices programmes keep in staff_notifications),
 * for other domains: applications tell an office that its application was withdrawn because the
 * worker was hired through another.
 */
export async function insertStaffNotice(
  trx: Executor,
  n: { officeId: string; recipientRole: string; kind: string; payload: Record<string, unknown> },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('staff_notifications')
    .values({
      office_id: n.officeId,
      programme_id: null,
      recipient_role: n.recipientRole,
      kind: n.kind,
      payload: JSON.stringify(n.payload),
      created_at: now,
    })
    .execute();
}
