import { sql } from 'kysely';
import { compiledOnce } from '../db/compiled-once.js';
import type { Executor } from '../db/executor.js';
import type { OpeningHoursSlot } from '../db/schema.js';
import type { Office } from '../../shared/schemas/office.schema.js';

export interface OfficeFields {
  name: string;
  address: string;
  postalCode: string;
  comune: string;
  province: string;
  phone: string;
  email: string;
  openingHours: OpeningHoursSlot[];
  active: boolean;
}

const columns = {
  name: 'name',
  address: 'address',
  postalCode: 'postal_code',
  comune: 'comune',
  province: 'province',
  phone: 'phone',
  email: 'email',
  active: 'active',
} as const;

export function createOfficeRepository() {
  const base = (executor: Executor) =>
    executor
      .selectFrom('offices as o')
      .innerJoin('networks as n', 'n.id', 'o.network_id')
      .select([
        'o.id',
        'o.network_id',
        'n.name as network_name',
        'o.code',
        'o.name',
        'o.address',
        'o.postal_code',
        'o.comune',
        'o.province',
        'o.phone',
        'o.email',
        'o.opening_hours',
        'o.active',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  // One array parameter: the same statement, built once, for any number of ids.
  const readByIds = compiledOnce((executor: Executor, ids: readonly string[]) =>
    base(executor).where('o.id', '=', sql<string>`any(${ids}::uuid[])`),
  );
  const toOffice = (r: Row): Office => ({
    id: r.id,
    networkId: r.network_id,
    networkName: r.network_name,
    code: r.code,
    name: r.name,
    address: r.address,
    postalCode: r.postal_code,
    comune: r.comune,
    province: r.province,
    phone: r.phone,
    email: r.email,
    openingHours: r.opening_hours,
    active: r.active,
  });

  return {
    async listByNetwork(executor: Executor, networkId: string): Promise<Office[]> {
      const rows = await base(executor).where('o.network_id', '=', networkId).orderBy('o.name').execute();
      return rows.map(toOffice);
    },

    async findById(executor: Executor, id: string): Promise<Office | undefined> {
      const row = await base(executor).where('o.id', '=', id).executeTakeFirst();
      return row && toOffice(row);
    },

    /** Several offices in one statement (the reads of concurrent requests, grouped by the service). */
    async findByIds(executor: Executor, ids: readonly string[]): Promise<Map<string, Office>> {
      if (ids.length === 0) return new Map();
      const rows = await readByIds(executor, [...new Set(ids)]);
      return new Map(rows.map((r) => [r.id, toOffice(r)]));
    },

    async namesByIds(executor: Executor, ids: string[]) {
      if (ids.length === 0) return [];
      return executor
        .selectFrom('offices')
        .select(['id', 'network_id', 'code', 'name', 'active'])
        .where('id', 'in', ids)
        .orderBy('name')
        .execute();
    },

    async idsInNetwork(executor: Executor, networkId: string): Promise<Set<string>> {
      if (!networkId) return new Set();
      const rows = await executor.selectFrom('offices').select('id').where('network_id', '=', networkId).execute();
      return new Set(rows.map((r) => r.id));
    },

    async codeExists(executor: Executor, code: string): Promise<boolean> {
      return (await executor.selectFrom('offices').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
    },

    async insert(executor: Executor, networkId: string, code: string, fields: OfficeFields, now: Date): Promise<string> {
      const row = await executor
        .insertInto('offices')
        .values({
          network_id: networkId,
          code,
          name: fields.name,
          address: fields.address,
          postal_code: fields.postalCode,
          comune: fields.comune,
          province: fields.province,
          phone: fields.phone,
          email: fields.email,
          opening_hours: JSON.stringify(fields.openingHours),
          active: fields.active,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async update(executor: Executor, id: string, changes: Partial<OfficeFields>, now: Date) {
      const set: Record<string, unknown> = { updated_at: now };
      for (const [key, column] of Object.entries(columns)) {
        const value = changes[key as keyof typeof columns];
        if (value !== undefined) set[column] = value;
      }
      if (changes.openingHours !== undefined) set.opening_hours = JSON.stringify(changes.openingHours);
      await executor.updateTable('offices').set(set).where('id', '=', id).execute();
    },
  };
}

export type OfficeRepository = ReturnType<typeof createOfficeRepository>;
