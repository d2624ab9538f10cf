import { isUniqueViolation } from '../server/db/errors.js';
import { Command, Option } from 'commander';
import { createAuditRepository } from '../server/audit/index.js';
import { createStaffAccount, generateTemporaryPassword, hashPassword } from '../server/auth/index.js';
import { allOffices } from '../server/organisation/index.js';
import { migrate } from '../server/db/migrate.js';
import type { Role } from '../server/db/schema.js';
import { openConfiguredDatabase } from '../server/runtime.js';
import { ROLES } from '../shared/schemas/common.schema.js';
import { emailSchema } from '../shared/schemas/common.schema.js';
import { configFrom, dataDirOption, databaseUrlOption } from './options.js';

const collect = (value: string, previous: string[]) => [...previous, value];

/** Creates a staff account from the command line: the way to make the first administrator. */
export function createUserCommand() {
  return new Command('create-user')
    .description('create a staff account; it must change its password at first sign-in')
    .requiredOption('--email <email>', 'e-mail used to sign in')
    .requiredOption('--name <fullName>', 'full name')
    .requiredOption(
      '--role <role@OFFICE>',
      `a role in an office, by office code, e.g. admin@CPI-MO (repeatable; roles: ${ROLES.join(', ')})`,
      collect,
      [],
    )
    .addOption(new Option('--password <password>', 'initial password (env RICOLLOCA_PASSWORD); generated when absent'))
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action(async (opts: { email: string; name: string; role: string[]; password?: string; dataDir?: string; databaseUrl?: string }) => {
      const email = emailSchema.safeParse(opts.email);
      if (!email.success) throw new Error(`Invalid e-mail: ${opts.email}`);
      const assignments = opts.role.map((spec) => {
        const [role, office] = spec.split('@');
        if (!role || !office || !(ROLES as readonly string[]).includes(role)) {
          throw new Error(`Invalid --role "${spec}": expected role@OFFICE_CODE with role one of ${ROLES.join(', ')}`);
        }
        return { role: role as Role, officeCode: office.toUpperCase() };
      });
      const config = configFrom(opts);
      const database = await openConfiguredDatabase(config);
      try {
        await migrate(database);
        const password = opts.password ?? process.env.RICOLLOCA_PASSWORD ?? generateTemporaryPassword();
        const passwordHash = await hashPassword(password);
        const byCode = new Map((await allOffices(database.db)).map((o) => [o.code, o.id]));
        const missing = assignments.filter((a) => !byCode.has(a.officeCode)).map((a) => a.officeCode);
        if (missing.length) throw new Error(`Unknown office code(s): ${missing.join(', ')}`);
        await database.db
          .transaction()
          .execute(async (trx) => {
            const now = new Date();
            const roles = assignments.map((a) => ({ officeId: byCode.get(a.officeCode)!, role: a.role }));
            const userId = await createStaffAccount(
              trx,
              { email: email.data, fullName: opts.name, passwordHash, mustChangePassword: true, roles },
              now,
            );
            await createAuditRepository().insert(trx, {
              actorId: null,
              actorLabel: 'ricolloca create-user',
              officeId: null,
              action: 'staff.created',
              entityType: 'staff_user',
              entityId: userId,
              entityLabel: opts.name,
              details: { email: email.data, roles: opts.role },
              requestId: null,
              ip: null,
            });
          })
          .catch((err: unknown) => {
            if (isUniqueViolation(err)) throw new Error(`An account with e-mail ${email.data} already exists`);
            throw err;
          });
        console.log(`Created ${email.data} (${opts.role.join(', ')}).`);
        if (!opts.password && !process.env.RICOLLOCA_PASSWORD) console.log(`Temporary password: ${password}`);
        console.log('The password must be changed at first sign-in.');
      } finally {
        await database.close();
      }
    });
}
