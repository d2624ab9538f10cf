import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ALL_ENDPOINTS, buildPath, buildQuery, pathParameterNames } from './index.js';

describe('the API contract', () => {
  it('defines each method and path once', () => {
    const keys = ALL_ENDPOINTS.map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('PATCH /api/v1/workers/:id');
  });

  it('has a params schema naming exactly the parameters of each path template', () => {
    for (const endpoint of ALL_ENDPOINTS) {
      const names = pathParameterNames(endpoint.path);
      const shape = endpoint.params instanceof z.ZodObject ? Object.keys(endpoint.params.shape) : [];
      expect({ path: endpoint.path, names: shape.sort() }).toEqual({ path: endpoint.path, names: [...names].sort() });
    }
  });

  it('gives every operation either a response schema or a file download', () => {
    for (const endpoint of ALL_ENDPOINTS)
      expect([endpoint.path, Boolean(endpoint.response) !== Boolean(endpoint.download)]).toEqual([endpoint.path, true]);
  });
});

describe('buildPath', () => {
  it('fills the template with URI-encoded values', () => {
    expect(buildPath('/api/v1/programmes/:id/notifications/:notificationId/read', { id: 'a b', notificationId: "d'angelo" })).toBe(
      "/api/v1/programmes/a%20b/notifications/d'angelo/read",
    );
  });

  it('refuses a missing parameter instead of calling /api/v1/workers/undefined', () => {
    expect(() => buildPath('/api/v1/workers/:id', {})).toThrow(/id/);
  });
});

describe('buildQuery', () => {
  it('keeps defined, non-empty values, repeats arrays and encodes accents and apostrophes', () => {
    expect(buildQuery({ q: "D'Angelo Nicolò", officeId: '', cursor: undefined, limit: 25, state: ['waiting', 'registered'] })).toBe(
      '?q=D%27Angelo+Nicol%C3%B2&limit=25&state=waiting&state=registered',
    );
    expect(buildQuery({})).toBe('');
    expect(buildQuery(undefined)).toBe('');
  });
});
