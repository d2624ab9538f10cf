import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../server/db/database.js';

const run = promisify(execFile);
// The CLI is tested as an operator runs it: a separate process on its own PGlite data directory.
const env = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent' };
const cli = (...args: string[]) => run(process.execPath, ['bin/ricolloca.mjs', ...args], { env, timeout: 120_000 });

describe('the ricolloca command', () => {
  it('documents every command with --help', { timeout: 120_000 }, async () => {
    const top = await cli('--help');
    for (const command of ['migrate', 'seed-demo', 'create-user', 'serve', 'build-template']) expect(top.stdout).toContain(command);
    for (const command of ['migrate', 'seed-demo', 'create-user', 'serve']) {
      const help = await cli(command, '--help');
      expect(help.stdout).toContain(`Usage: ricolloca ${command}`);
      expect(help.stdout).toContain('--data-dir');
    }
  });

  it('migrates, loads the demo once, and creates an administrator who must change the password', { timeout: 240_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ricolloca-cli-'));
    // A new directory starts from the prepared template (migrated, reference data loaded), as `serve` does.
    const migrated = await cli('migrate', '--data-dir', dataDir);
    expect(migrated.stdout).toContain('(new, from the prepared template)');
    expect(migrated.stdout).toMatch(/Up to date \(\d+ migrations already applied\)|Applied: \d{4}_/);
    const again = await cli('migrate', '--data-dir', dataDir);
    expect(again.stdout).not.toContain('from the prepared template');
    expect(again.stdout).toMatch(/Up to date/);
    expect((await cli('seed-demo', '--data-dir', dataDir)).stdout).toContain('Demo data loaded.');
    expect((await cli('seed-demo', '--data-dir', dataDir)).stdout).toContain('nothing loaded');

    const created = await cli(
      'create-user',
      '--data-dir',
      dataDir,
      '--email',
      'Nuovo.Admin@Example.it',
      '--name',
      'Nuovo Admin',
      '--role',
      'admin@cpi-mo',
      '--role',
      'coordinator@CPI-CA',
    );
    const temporary = /Temporary password: (\S+)/.exec(created.stdout)?.[1];
    expect(temporary).toMatch(/^[A-Za-z2-9]{14}$/);
    await expect(
      cli('create-user', '--data-dir', dataDir, '--email', 'x@example.it', '--name', 'X', '--role', 'admin@CPI-XX'),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('Unknown office code(s): CPI-XX') });
    await expect(
      cli('create-user', '--data-dir', dataDir, '--email', 'x@example.it', '--name', 'X', '--role', 'boss@CPI-MO'),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('Invalid --role') });
    await expect(
      cli('create-user', '--data-dir', dataDir, '--email', 'nuovo.admin@example.it', '--name', 'X', '--role', 'admin@CPI-MO'),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('already exists') });
    // A chosen password obeys the new-password rules: never the password the demo publishes.
    await expect(
      cli(
        'create-user',
        '--data-dir',
        dataDir,
        '--email',
        'a.rossi@example.it',
        '--name',
        'Anna Rossi',
        '--role',
        'admin@CPI-MO',
        '--password',
        'Demo.Modena.2026',
      ),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('Password refused') });

    const database = await openDatabase({ dataDir: join(dataDir, 'pgdata') });
    try {
      const user = await database.db
        .selectFrom('staff_users')
        .selectAll()
        .where('email', '=', 'nuovo.admin@example.it')
        .executeTakeFirstOrThrow();
      expect(user.must_change_password).toBe(true);
      const roles = await database.db
        .selectFrom('staff_roles as r')
        .innerJoin('offices as o', 'o.id', 'r.office_id')
        .select(['o.code', 'r.role'])
        .where('r.user_id', '=', user.id)
        .orderBy('o.code')
        .execute();
      expect(roles).toEqual([
        { code: 'CPI-CA', role: 'coordinator' },
        { code: 'CPI-MO', role: 'admin' },
      ]);
    } finally {
      await database.close();
    }
  });

  it(
    'makes a real installation’s first administrator on an empty database: network, first office and account',
    { timeout: 240_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'ricolloca-cli-first-'));
      const created = await cli(
        'create-user',
        '--data-dir',
        dataDir,
        '--email',
        'emanuele.barbieri@provincia.re.it',
        '--name',
        'Barbieri Emanuele',
        '--network',
        'Provincia di Reggio Emilia',
        '--office',
        'cpi-re',
        '--office-name',
        'Centro per l’impiego di Reggio Emilia',
        '--comune',
        'Reggio nell’Emilia',
      );
      expect(created.stdout).toContain('Created the network "Provincia di Reggio Emilia", the office CPI-RE');
      expect(created.stdout).toMatch(/Temporary password: [A-Za-z2-9]{14}/);
      await expect(
        cli(
          'create-user',
          '--data-dir',
          dataDir,
          '--email',
          'x@example.it',
          '--name',
          'X',
          '--network',
          'Provincia di Parma',
          '--office',
          'CPI-PR',
        ),
      ).rejects.toMatchObject({ stderr: expect.stringContaining('--office-name') });

      const database = await openDatabase({ dataDir: join(dataDir, 'pgdata') });
      try {
        const rows = await database.db
          .selectFrom('staff_roles as r')
          .innerJoin('staff_users as u', 'u.id', 'r.user_id')
          .innerJoin('offices as o', 'o.id', 'r.office_id')
          .innerJoin('networks as n', 'n.id', 'o.network_id')
          .select(['u.email', 'u.must_change_password', 'r.role', 'o.code', 'o.province', 'n.name as network'])
          .execute();
        expect(rows).toEqual([
          {
            email: 'emanuele.barbieri@provincia.re.it',
            must_change_password: true,
            role: 'admin',
            code: 'CPI-RE',
            province: 'RE',
            network: 'Provincia di Reggio Emilia',
          },
        ]);
      } finally {
        await database.close();
      }
    },
  );
});
