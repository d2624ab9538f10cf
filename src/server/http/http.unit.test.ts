import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { ConnectionLock } from '../db/pglite-dialect.js';
import { pickLanguage, problemType } from './problem.js';

describe('language of error messages', () => {
  it('is Italian unless the client prefers English', () => {
    expect(pickLanguage(undefined)).toBe('it');
    expect(pickLanguage('it-IT,it;q=0.9,en;q=0.8')).toBe('it');
    expect(pickLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(pickLanguage('de-DE')).toBe('it');
  });

  it('gives each code a stable problem type URI', () => {
    expect(problemType('INVALID_CREDENTIALS')).toBe('urn:ricolloca:problem:invalid-credentials');
  });
});

describe('configuration', () => {
  it('defaults to port 3000 and ./data, and takes PORT, DATA_DIR and DATABASE_URL from the environment', () => {
    const defaults = loadConfig({});
    expect(defaults.port).toBe(3000);
    expect(defaults.dataDir.endsWith('/data')).toBe(true);
    expect(defaults.databaseUrl).toBeUndefined();
    const env = loadConfig({ PORT: '8080', DATA_DIR: '/var/lib/ricolloca', DATABASE_URL: 'postgres://db/ricolloca' });
    expect(env).toMatchObject({ port: 8080, dataDir: '/var/lib/ricolloca', databaseUrl: 'postgres://db/ricolloca' });
  });

  it('lets command-line flags win over the environment, and refuses a bad port', () => {
    expect(loadConfig({ PORT: '8080' }, { port: '9090', dataDir: '/tmp/x' })).toMatchObject({ port: 9090, dataDir: '/tmp/x' });
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/Invalid port/);
  });
});

describe('the PGlite connection lock', () => {
  it('hands the single connection to one caller at a time, in arrival order', async () => {
    const lock = new ConnectionLock();
    const order: string[] = [];
    const task = (name: string, ms: number) =>
      lock.run(async () => {
        order.push(`${name}:start`);
        await new Promise((r) => setTimeout(r, ms));
        order.push(`${name}:end`);
      });
    await Promise.all([task('a', 20), task('b', 1), task('c', 5)]);
    expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  });

  it('releases the connection when the holder fails', async () => {
    const lock = new ConnectionLock();
    await expect(lock.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.run(async () => 'next')).toBe('next');
  });
});
