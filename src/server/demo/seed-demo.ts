import type { Database } from '../db/database.js';
import { hashPassword } from '../auth/password.js';
import { DEMO_NETWORK, DEMO_OFFICES, DEMO_PASSWORD, DEMO_STAFF } from './demo-organisation.js';
import { seedDemoPeople } from './demo-people.js';
import { seedDemoOutreach } from './demo-outreach.js';
import { seedDemoProgrammes } from './demo-programmes.js';

export interface SeedResult {
  seeded: boolean;
  accounts: Array<{ email: string; roles: string }>;
}

export function demoAccounts() {
  return DEMO_STAFF.map((s) => ({
    email: s.email,
    roles: [...new Set(s.roles.map((r) => r.role))].join(', '),
  }));
}

/** Loads the demo scenario into an empty database; does nothing when any network exists. */
export async function seedDemo(database: Database): Promise<SeedResult> {
  const { db } = database;
  const existing = await db.selectFrom('networks').select('id').limit(1).executeTakeFirst();
  if (existing) return { seeded: false, accounts: demoAccounts() };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const network = await trx.insertInto('networks').values(DEMO_NETWORK).returning('id').executeTakeFirstOrThrow();
    const officeIds = new Map<string, string>();
    for (const office of DEMO_OFFICES) {
      const row = await trx
        .insertInto('offices')
        .values({
          network_id: network.id,
          code: office.code,
          name: office.name,
          address: office.address,
          postal_code: office.postalCode,
          comune: office.comune,
          province: 'MO',
          phone: office.phone,
          email: office.email,
          opening_hours: JSON.stringify(office.openingHours),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      officeIds.set(office.code, row.id);
    }
    for (const person of DEMO_STAFF) {
      const user = await trx
        .insertInto('staff_users')
        .values({
          email: person.email,
          full_name: person.fullName,
          password_hash: passwordHash,
          last_office_id: officeIds.get(person.roles[0]!.office)!,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('staff_roles')
        .values(person.roles.map((r) => ({ user_id: user.id, office_id: officeIds.get(r.office)!, role: r.role })))
        .execute();
    }
    const operator = await trx.selectFrom('staff_users').select('id').where('email', '=', 'sportello@ricolloca.example').executeTakeFirst();
    await seedDemoPeople(trx, { networkId: network.id, officeIds, officeComuni: DEMO_OFFICES.map((o) => ({ code: o.code, comune: o.comune })), operatorId: operator?.id ?? null, now: new Date() });
    await seedDemoProgrammes(trx, { networkId: network.id, officeIds, now: new Date() });
    await seedDemoOutreach(trx, { networkId: network.id, officeIds, now: new Date() });
    await trx
      .insertInto('audit_log')
      .values({ action: 'demo.seeded', entity_type: 'network', entity_id: network.id, actor_label: 'ricolloca seed-demo' })
      .execute();
  });
  return { seeded: true, accounts: demoAccounts() };
}
