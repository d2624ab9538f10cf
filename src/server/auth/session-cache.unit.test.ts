import { describe, expect, it } from 'vitest';
import { createSessionCache } from './session-cache.js';
import type { SessionRecord } from './session.repository.js';

const now = new Date('2026-11-25T10:00:00Z');
function session(tokenHash: string, userId = 'u1', expiresAt = new Date(now.getTime() + 3_600_000)): SessionRecord {
  return {
    tokenHash,
    userId,
    officeId: 'o1',
    networkId: 'n1',
    csrfToken: 'c',
    lastSeenAt: now,
    expiresAt,
    createdAt: now,
    email: 'a@b.it',
    fullName: 'A B',
    language: 'it',
    mustChangePassword: false,
    assignments: [{ officeId: 'o1', role: 'consultant' }],
  };
}

describe('session cache', () => {
  it('serves nothing until the change notifications are subscribed, and empties when they are lost', () => {
    const cache = createSessionCache();
    cache.remember(cache.epoch(), session('t1'));
    expect(cache.get('t1', now)).toBeUndefined();
    cache.setLive(true);
    cache.remember(cache.epoch(), session('t1'));
    expect(cache.get('t1', now)?.userId).toBe('u1');
    cache.setLive(false);
    expect(cache.get('t1', now)).toBeUndefined();
    cache.setLive(true);
    expect(cache.get('t1', now)).toBeUndefined();
  });

  it('does not keep a read that raced with a change notification', () => {
    const cache = createSessionCache();
    cache.setLive(true);
    const readAt = cache.epoch();
    cache.forget('t1'); // the session changed while it was being read
    cache.remember(readAt, session('t1'));
    expect(cache.get('t1', now)).toBeUndefined();
  });

  it('forgets one session, or every session of an account', () => {
    const cache = createSessionCache();
    cache.setLive(true);
    for (const [token, user] of [
      ['t1', 'u1'],
      ['t2', 'u1'],
      ['t3', 'u2'],
    ])
      cache.remember(cache.epoch(), session(token!, user));
    cache.forget('t3');
    expect(cache.get('t3', now)).toBeUndefined();
    cache.forgetUser('u1');
    expect(cache.size).toBe(0);
  });

  it('never serves an expired session, and trusts an entry only for a bounded time', async () => {
    const cache = createSessionCache({ maxAgeMs: 20 });
    cache.setLive(true);
    cache.remember(cache.epoch(), session('t1', 'u1', new Date(now.getTime() + 1000)));
    expect(cache.get('t1', new Date(now.getTime() + 1000))).toBeUndefined();
    cache.remember(cache.epoch(), session('t2'));
    expect(cache.get('t2', now)).toBeDefined();
    await new Promise((r) => setTimeout(r, 30));
    expect(cache.get('t2', now)).toBeUndefined();
  });

  it('slides the cached expiry forward when the session is touched', () => {
    const cache = createSessionCache();
    cache.setLive(true);
    cache.remember(cache.epoch(), session('t1', 'u1', new Date(now.getTime() + 1000)));
    const later = new Date(now.getTime() + 5000);
    cache.touched('t1', now, later);
    expect(cache.get('t1', new Date(now.getTime() + 2000))?.expiresAt).toEqual(later);
  });

  it('holds at most maxEntries sessions, dropping the oldest', () => {
    const cache = createSessionCache({ maxEntries: 2 });
    cache.setLive(true);
    for (const token of ['t1', 't2', 't3']) cache.remember(cache.epoch(), session(token));
    expect(cache.size).toBe(2);
    expect(cache.get('t1', now)).toBeUndefined();
    expect(cache.get('t3', now)).toBeDefined();
  });
});
