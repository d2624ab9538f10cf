import { isUniqueViolation } from '../server/db/errors.js';
import { Command, Option } from 'commander';
import { createAuditRepository } from '../server/audit/index.js';
import { checkNewPassword, createStaffAccount, generateTemporaryPassword, hashPassword } from '../server/auth/index.js';
import { DomainError } from '../server/http/problem.js';
import { allOffices } from '../server/organisation/index.js';
import { migrate } from '../server/db/migrate.js';
import type { Role } from '../server/db/schema.js';
import { openConfiguredDatabase } from '../server/runtime.js';
import { ROLES } from '../shared/schemas/common.schema.js';
import { emailSchema } from '../shared/schemas/common.schema.js';
import { createInstallation, findComuneByName } from '../server/setup/index.js';
import { configFrom, dataDirOption, databaseUrlOption } from './options.js';

const collect = (value: string, previous: string[]) => [...previous, value];

interface CreateUserOptions {
  email: string;
  name: string;
  role: string[];
  password?: string;
  network?: string;
  office?: string;
  officeName?: string;
  comune?: string;
  dataDir?: string;
  databaseUrl?: string;
}

/**
 * Creates a staff account from the command line. On an empty database (a real installation's
 * first administrator), `--network` with `--office` and `--office-name` creates the network and
 * its first office too, and the account administers it.
 */
export function createUserCommand() {
  return new Command('create-user')
    .description(
      'create a staff account (with --network: also the network and its first office); it must change its password at first sign-in',
    )
    .requiredOption('--email <email>', 'e-mail used to sign in')
    .requiredOption('--name <fullName>', 'full name')
    .option(
      '--role <role@OFFICE>',
      `a role in an existing office, by office code, e.g. admin@CPI-MO (repeatable; roles: ${ROLES.join(', ')})`,
      collect,
      [],
    )
    .addOption(new Option('--network <name>', 'create a new network of job centres, e.g. "Provincia di Reggio Emilia" (with --office)'))
    .addOption(new Option('--office <code>', 'with --network: the code of its first office, e.g. CPI-RE; the account administers it'))
    .addOption(new Option('--office-name <name>', "with --network: the first office's name"))
    .addOption(new Option('--comune <name>', 'with --network: the comune of the first office (ISTAT name)'))
    .addOption(new Option('--password <password>', 'initial password (env RICOLLOCA_PASSWORD); generated when absent'))
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action(async (opts: CreateUserOptions) => {
      const email = emailSchema.safeParse(opts.email);
      if (!email.success) throw new Error(`Invalid e-mail: ${opts.email}`);
      if (opts.network !== undefined) return createWithNetwork(opts, email.data);
      if (opts.role.length === 0)
        throw new Error('Give --role role@OFFICE_CODE (repeatable), or --network with --office and --office-name on a new installation');
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
        const password = chosenOrTemporaryPassword(opts.password, [email.data, opts.name]);
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

/** `create-user --network`: the network, its first office and its administrator, in one transaction. */
async function createWithNetwork(opts: CreateUserOptions, email: string) {
  const networkName = opts.network!.trim();
  const officeCode = (opts.office ?? '').trim().toUpperCase();
  const officeName = (opts.officeName ?? '').trim();
  if (!networkName || !officeName || !/^[A-Z0-9_-]{2,20}$/.test(officeCode)) {
    throw new Error('With --network give --office CODE (2–20 letters, digits, - or _) and --office-name "Centro per l’impiego di …"');
  }
  if (opts.role.length > 0) throw new Error('With --network the account administers the new office: leave out --role');
  const config = configFrom(opts);
  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database);
    const comune = opts.comune ? await findComuneByName(database.db, opts.comune) : undefined;
    if (opts.comune && !comune) throw new Error(`Unknown comune: ${opts.comune} (write it as in the ISTAT list)`);
    const password = chosenOrTemporaryPassword(opts.password, [email, opts.name]);
    const passwordHash = await hashPassword(password);
    await database.db
      .transaction()
      .execute(async (trx) => {
        const { officeId, userId } = await createInstallation(
          trx,
          {
            networkName,
            office: { code: officeCode, name: officeName, comune },
            admin: { email, fullName: opts.name, passwordHash, mustChangePassword: true },
          },
          new Date(),
        );
        await createAuditRepository().insert(trx, {
          actorId: null,
          actorLabel: 'ricolloca create-user',
          officeId,
          action: 'staff.created',
          entityType: 'staff_user',
          entityId: userId,
          entityLabel: opts.name,
          details: { email, roles: [`admin@${officeCode}`], network: networkName, office: { code: officeCode, name: officeName } },
          requestId: null,
          ip: null,
        });
      })
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) {
          throw new Error(
            `An account with e-mail ${email}, an office with code ${officeCode} or a network named "${networkName}" already exists`,
          );
        }
        throw err;
      });
    console.log(`Created the network "${networkName}", the office ${officeCode} and ${email} (admin@${officeCode}).`);
    if (!opts.password && !process.env.RICOLLOCA_PASSWORD) console.log(`Temporary password: ${password}`);
    console.log('The password must be changed at first sign-in.');
  } finally {
    await database.close();
  }
}

/**
 * The password given with --password or RICOLLOCA_PASSWORD obeys the rules of every new password
 * (length, strength, never the published demo password); without one a temporary password is made.
 */
function chosenOrTemporaryPassword(given: string | undefined, personal: string[]): string {
  const password = given ?? process.env.RICOLLOCA_PASSWORD;
  if (password === undefined) return generateTemporaryPassword();
  try {
    checkNewPassword(password, personal, { field: 'password', language: 'en' });
  } catch (err) {
    if (err instanceof DomainError) {
      const reasons = (err.extra.errors ?? []).map((e) => e.message).join(' ');
      throw new Error(`Password refused: ${reasons || err.message}`, { cause: err });
    }
    throw err;
  }
  return password;
}
