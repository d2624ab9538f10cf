import { describe, expect, it } from 'vitest';
import { smtpTransportUrl } from './channels.js';

describe('SMTP_URL', () => {
  it('pools connections unless the URL says otherwise, keeping the credentials as written', () => {
    const pooled = new URL(smtpTransportUrl('smtp://cpi.modena%40provincia.example:p%40ss%3Bword@smtp.provincia.example:587'));
    expect(pooled.searchParams.get('pool')).toBe('true');
    expect(pooled.searchParams.get('maxConnections')).toBe('10');
    expect(decodeURIComponent(pooled.username)).toBe('cpi.modena@provincia.example');
    expect(decodeURIComponent(pooled.password)).toBe('p@ss;word');
    expect(pooled.host).toBe('smtp.provincia.example:587');
    const single = new URL(smtpTransportUrl('smtps://relay.example:465?pool=false'));
    expect(single.searchParams.get('pool')).toBe('false');
    expect(single.searchParams.has('maxConnections')).toBe(false);
    expect(new URL(smtpTransportUrl('smtp://relay.example?maxConnections=2')).searchParams.get('maxConnections')).toBe('2');
  });
});
