import { describe, expect, it } from 'vitest';
import { API, pathOf, pathParams, successSchema } from './index.ts';

describe('pathOf', () => {
  it('fills each path parameter, percent-encoded', () => {
    expect(pathOf(API.setMember, { id: 'S p/ace', userId: 'ada@example.com' })).toBe(
      '/api/spaces/S%20p%2Face/members/ada%40example.com',
    );
    expect(pathOf(API.listSpaces)).toBe('/api/spaces');
  });

  it('refuses a missing parameter instead of calling a wrong path', () => {
    expect(() => pathOf(API.getSnapshot, { id: 's', docId: 'd' })).toThrow(/snapshotId/);
  });

  it('names the parameters of a template in order', () => {
    expect(pathParams(API.getSnapshot.path)).toEqual(['id', 'docId', 'snapshotId']);
  });
});

describe('the contract', () => {
  it('gives every operation a unique method and path', () => {
    const keys = Object.values(API).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('names each route by its own operation id', () => {
    for (const [id, route] of Object.entries(API)) expect(route.operationId).toBe(id);
  });

  it('has a success schema for JSON answers and none for bodiless ones', () => {
    expect(successSchema(API.listMembers)).not.toBeNull();
    expect(successSchema(API.saveSnapshot)).toBe(API.saveSnapshot.responses[200].schema);
    expect(successSchema(API.removeMember)).toBeNull();
  });
});
