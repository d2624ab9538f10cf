import type { Executor } from '../db/executor.js';
import type { DeliveredServiceCode, ServiceRecordsTable } from '../db/schema-services.js';

/** The delivered services of one worker, and the records entered (and corrected) by hand. */

export interface ServiceRow {
  id: string;
  networkId: string;
  officeId: string;
  workerId: string;
  programmeId: string | null;
  staffId: string | null;
  serviceCode: DeliveredServiceCode;
  delivery: 'individual' | 'group';
  deliveredOn: string;
  minutes: number;
  sourceType: ServiceRecordsTable['source_type'];
  sourceId: string | null;
  note: string;
  createdAt: Date;
  updatedAt: Date | null;
}

const columns = [
  'id',
  'network_id',
  'office_id',
  'worker_id',
  'programme_id',
  'staff_id',
  'service_code',
  'delivery',
  'delivered_on',
  'minutes',
  'source_type',
  'source_id',
  'note',
  'created_at',
  'updated_at',
] as const;

type Row = {
  id: string;
  network_id: string;
  office_id: string;
  worker_id: string;
  programme_id: string | null;
  staff_id: string | null;
  service_code: DeliveredServiceCode;
  delivery: 'individual' | 'group';
  delivered_on: string;
  minutes: number;
  source_type: ServiceRecordsTable['source_type'];
  source_id: string | null;
  note: string;
  created_at: Date;
  updated_at: Date | null;
};

const toRow = (r: Row): ServiceRow => ({
  id: r.id,
  networkId: r.network_id,
  officeId: r.office_id,
  workerId: r.worker_id,
  programmeId: r.programme_id,
  staffId: r.staff_id,
  serviceCode: r.service_code,
  delivery: r.delivery,
  deliveredOn: r.delivered_on,
  minutes: r.minutes,
  sourceType: r.source_type,
  sourceId: r.source_id,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface ManualServiceValues {
  officeId: string;
  programmeId: string | null;
  staffId: string | null;
  serviceCode: DeliveredServiceCode;
  deliveredOn: string;
  minutes: number;
  note: string;
}

/** A group workshop is delivered to a group; everything else entered by hand to the worker alone. */
const deliveryOf = (code: DeliveredServiceCode): 'individual' | 'group' => (code === 'group_workshop' ? 'group' : 'individual');

export function createServiceRecordsRepository() {
  return {
    /** Every record of the worker, newest day first (then the latest entered). */
    async ofWorker(db: Executor, workerId: string): Promise<ServiceRow[]> {
      const rows = await db
        .selectFrom('service_records')
        .select(columns)
        .where('worker_id', '=', workerId)
        .orderBy('delivered_on', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toRow);
    },

    async byId(db: Executor, id: string, o: { forUpdate?: boolean } = {}): Promise<ServiceRow | undefined> {
      let q = db.selectFrom('service_records').select(columns).where('id', '=', id);
      if (o.forUpdate) q = q.forUpdate();
      const row = await q.executeTakeFirst();
      return row && toRow(row);
    },

    async insertManual(
      trx: Executor,
      v: ManualServiceValues & { networkId: string; workerId: string; createdBy: string },
    ): Promise<ServiceRow> {
      const row = await trx
        .insertInto('service_records')
        .values({
          network_id: v.networkId,
          office_id: v.officeId,
          worker_id: v.workerId,
          programme_id: v.programmeId,
          staff_id: v.staffId,
          service_code: v.serviceCode,
          delivery: deliveryOf(v.serviceCode),
          delivered_on: v.deliveredOn,
          minutes: v.minutes,
          source_type: 'manual',
          source_id: null,
          note: v.note,
          created_by: v.createdBy,
        })
        .returning(columns)
        .executeTakeFirstOrThrow();
      return toRow(row);
    },

    /** Corrects a record entered by hand (a meeting's record is corrected through the meeting). */
    async updateManual(trx: Executor, id: string, v: ManualServiceValues & { updatedBy: string; at: Date }): Promise<ServiceRow> {
      const row = await trx
        .updateTable('service_records')
        .set({
          office_id: v.officeId,
          programme_id: v.programmeId,
          staff_id: v.staffId,
          service_code: v.serviceCode,
          delivery: deliveryOf(v.serviceCode),
          delivered_on: v.deliveredOn,
          minutes: v.minutes,
          note: v.note,
          updated_at: v.at,
          updated_by: v.updatedBy,
        })
        .where('id', '=', id)
        .where('source_type', '=', 'manual')
        .returning(columns)
        .executeTakeFirstOrThrow();
      return toRow(row);
    },

    async deleteManual(trx: Executor, id: string): Promise<void> {
      await trx.deleteFrom('service_records').where('id', '=', id).where('source_type', '=', 'manual').execute();
    },
  };
}

export type ServiceRecordsRepository = ReturnType<typeof createServiceRecordsRepository>;

export interface BulkManualService extends ManualServiceValues {
  networkId: string;
  workerId: string;
  createdBy: string | null;
}

/** The demo's services entered by hand (CV support, interview coaching…), a thousand rows per statement. */
export async function insertManualServicesBulk(trx: Executor, services: readonly BulkManualService[]): Promise<void> {
  for (let i = 0; i < services.length; i += 1000) {
    await trx
      .insertInto('service_records')
      .values(
        services.slice(i, i + 1000).map((s) => ({
          network_id: s.networkId,
          office_id: s.officeId,
          worker_id: s.workerId,
          programme_id: s.programmeId,
          staff_id: s.staffId,
          service_code: s.serviceCode,
          delivery: deliveryOf(s.serviceCode),
          delivered_on: s.deliveredOn,
          minutes: s.minutes,
          source_type: 'manual' as const,
          source_id: null,
          note: s.note,
          created_by: s.createdBy,
        })),
      )
      .execute();
  }
}
