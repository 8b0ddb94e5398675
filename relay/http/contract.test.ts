// The relay serves the shared REST contract exactly: every route described
// in shared/rest has one handler here, no handler exists outside it, and a
// route's method, path, schemas and documentation are the contract's own
// (not a copy that could drift).
import { describe, expect, it } from 'vitest';
import { API, type RouteContract } from '../../shared/rest/index.ts';
import { allRoutes } from './api.ts';

const CONTRACT_KEYS: readonly (keyof RouteContract)[] = [
  'method',
  'path',
  'operationId',
  'summary',
  'auth',
  'body',
  'rawBody',
  'query',
  'responses',
  'errors',
];

describe('the REST contract', () => {
  const served = allRoutes('test');

  it('is served route for route, each once', () => {
    const ids = served.map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(API).sort());
  });

  it('is what the relay validates and documents, field for field', () => {
    for (const route of served) {
      const contract: RouteContract = API[route.operationId as keyof typeof API];
      for (const key of CONTRACT_KEYS)
        expect(route[key], `${route.operationId}.${key}`).toBe(contract[key]);
      expect(contract.operationId).toBe(route.operationId);
    }
  });

  it('gives every binary body a size limit from the configuration', () => {
    for (const route of served.filter((r) => r.rawBody !== undefined)) {
      expect(route.rawBodyMaxBytes, route.operationId).toBeTypeOf('function');
    }
  });
});
