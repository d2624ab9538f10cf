import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { AuditService } from '../audit/index.js';
import { requireNetwork, type Actor, type ActorContext } from '../auth/index.js';
import { isUniqueViolation } from '../db/errors.js';
import { createGroupedCalls } from '../db/grouped.js';
import type { CreateOfficeRequest, Office, UpdateOfficeRequest } from '../../shared/schemas/office.schema.js';
import type { OfficeRepository } from './office.repository.js';
import { organisationErrors } from './organisation.errors.js';
import { forgetOfficeNames } from './office-lookup.js';

/** Offices of the actor's network: only those are visible or editable, whatever the id asked for. */
export function createOfficeService(deps: { db: Kysely<DB>; offices: OfficeRepository; audit: AuditService; clock: () => Date }) {
  const { db, offices, audit, clock } = deps;

  function ofNetwork(actor: Actor, office: Office | undefined): Office {
    if (!office || office.networkId !== requireNetwork(actor)) throw organisationErrors.officeNotFound();
    return office;
  }

  async function loadInNetwork(actor: Actor, id: string): Promise<Office> {
    return ofNetwork(actor, await offices.findById(db, id));
  }

  // The office reads of concurrent requests go in one statement (db/grouped.ts).
  const officeReads = createGroupedCalls<string, Office | undefined>(
    async (ids) => {
      const found = await offices.findByIds(db, ids);
      return ids.map((id) => found.get(id));
    },
    { maxBatch: 200 },
  );

  return {
    list: (actor: Actor) => offices.listByNetwork(db, requireNetwork(actor)),
    get: async (actor: Actor, id: string) => ofNetwork(actor, await officeReads.call(id)),

    async create(ctx: ActorContext, input: CreateOfficeRequest): Promise<Office> {
      const networkId = requireNetwork(ctx.actor);
      const now = clock();
      const id = await db
        .transaction()
        .execute(async (trx) => {
          if (await offices.codeExists(trx, input.code)) throw organisationErrors.officeCodeTaken();
          const newId = await offices.insert(
            trx,
            networkId,
            input.code,
            {
              name: input.name,
              address: input.address ?? '',
              postalCode: input.postalCode ?? '',
              comune: input.comune ?? '',
              province: input.province ?? '',
              phone: input.phone ?? '',
              email: input.email ?? '',
              openingHours: input.openingHours ?? [],
              active: input.active ?? true,
            },
            now,
          );
          await audit.record(trx, ctx, {
            action: 'office.created',
            entityType: 'office',
            entityId: newId,
            entityLabel: input.name,
            officeId: newId,
            details: { code: input.code, name: input.name },
          });
          return newId;
        })
        .catch((err: unknown) => {
          if (isUniqueViolation(err)) throw organisationErrors.officeCodeTaken();
          throw err;
        });
      return (await offices.findById(db, id))!;
    },

    async update(ctx: ActorContext, id: string, input: UpdateOfficeRequest): Promise<Office> {
      const before = await loadInNetwork(ctx.actor, id);
      const now = clock();
      await db.transaction().execute(async (trx) => {
        await offices.update(trx, id, input, now);
        const changed = Object.fromEntries(
          Object.entries(input)
            .filter(([key, value]) => JSON.stringify(before[key as keyof Office]) !== JSON.stringify(value))
            .map(([key, value]) => [key, { from: before[key as keyof Office], to: value }]),
        );
        await audit.record(trx, ctx, {
          action: 'office.updated',
          entityType: 'office',
          entityId: id,
          entityLabel: input.name ?? before.name,
          officeId: id,
          details: changed,
        });
      });
      forgetOfficeNames();
      return (await offices.findById(db, id))!;
    },
  };
}

export type OfficeService = ReturnType<typeof createOfficeService>;
