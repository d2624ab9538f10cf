import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadDemoDataDir } from '../../tests/helpers/test-database.js';

const run = promisify(execFile);
// As an operator (or cron) runs it: its own process on its own PGlite data directory.
const env = { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', SMTP_URL: '', SMS_PROVIDER_URL: '' };
const cli = (...args: string[]) => run(process.execPath, ['bin/ricolloca.mjs', ...args], { env, timeout: 120_000 });

describe('ricolloca outreach send-reminders', () => {
  it('sends the reminders due in the demo SMS campaign once, then finds nothing more to do', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ricolloca-outreach-'));
    expect((await cli('outreach', '--help')).stdout).toContain('send-reminders');
    if (!(await loadDemoDataDir(dataDir))) await cli('seed-demo', '--data-dir', dataDir);
    const first = await cli('outreach', 'send-reminders', '--data-dir', dataDir);
    const reminded = Number(/Promemoria: (\d+)/.exec(first.stdout)?.[1]);
    expect(reminded).toBeGreaterThan(0);
    expect(first.stdout).toContain(`messaggi inviati: ${reminded}`);
    expect((await cli('outreach', 'send-reminders', '--data-dir', dataDir)).stdout).toContain('Promemoria: 0 ·');
  }, 240_000);
});
