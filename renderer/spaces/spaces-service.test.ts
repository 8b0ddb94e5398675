import { describe, expect, it, vi } from 'vitest';
import { READ_ONLY_REASON } from '../../shared/api.ts';
import { createRelayApi } from '../api/index.ts';
import {
  createAppStore,
  readOnlyReason,
  selectReadOnlyReason,
  viewerMessage,
} from '../store/index.ts';
import { createSpacesService } from './index.ts';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** The relay's HTTP side is scripted here: each call answers with the next response. */
function setup(responses: Response[]) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetchFn = vi.fn((url: URL | RequestInfo, init?: RequestInit) => {
    requests.push({
      url: url instanceof URL ? url.href : typeof url === 'string' ? url : url.url,
      init,
    });
    return Promise.resolve(responses.shift() ?? json({}, 500));
  });
  const accessToken = vi.fn((o?: { forceRefresh?: boolean }) =>
    Promise.resolve({ accessToken: o?.forceRefresh === true ? 'fresh' : 'stale', expiresAt: 1 }),
  );
  const api = createRelayApi({ relayUrl: 'wss://relay.example/', fetch: fetchFn, accessToken });
  const store = createAppStore();
  return { store, service: createSpacesService(api, store), requests, api };
}

const auth = (init: RequestInit | undefined) => new Headers(init?.headers).get('authorization');

describe('spaces', () => {
  it('loads the caller’s spaces with a Bearer token, sorted by name', async () => {
    const { store, service, requests } = setup([
      json({
        spaces: [
          { id: 'b', name: 'Zeta', role: 'viewer' },
          { id: 'a', name: 'Alpha', role: 'owner' },
        ],
      }),
    ]);
    await service.load();
    expect(requests[0]?.url).toBe('https://relay.example/api/spaces');
    expect(auth(requests[0]?.init)).toBe('Bearer stale');
    expect(store.getState().spaces).toMatchObject({ status: 'ready', error: null });
    expect(store.getState().spaces.items.map((s) => s.name)).toEqual(['Alpha', 'Zeta']);
  });

  it('retries once with a refreshed token after a 401', async () => {
    const { service, requests, store } = setup([json({}, 401), json({ spaces: [] })]);
    await service.load();
    expect(requests.map((r) => auth(r.init))).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(store.getState().spaces.status).toBe('ready');
  });

  it('shows the relay’s error message, or says the answer was unexpected', async () => {
    const { service, store } = setup([
      json({ error: { code: 'forbidden', message: 'Your domain is not allowed.' } }, 403),
      json({ spaces: [{ id: '../x', name: 'bad', role: 'owner' }] }),
      new Response('<html>', { status: 502 }),
    ]);
    await service.load();
    expect(store.getState().spaces.error).toBe(
      'Could not load your spaces: Your domain is not allowed.',
    );
    await service.load();
    expect(store.getState().spaces.error).toMatch(/unexpected answer to GET \/api\/spaces/);
    await service.load();
    expect(store.getState().spaces.error).toMatch(/HTTP 502/);
  });

  it('creates a space as its owner, and validates the name first', async () => {
    const { service, store, requests } = setup([json({ id: 'n1', name: 'Launch' }, 201)]);
    await expect(service.create('   ')).resolves.toBeNull();
    expect(store.getState().spaces.createError).toMatch(/needs a name/);
    expect(requests).toHaveLength(0);
    await expect(service.create(' Launch ')).resolves.toEqual({
      id: 'n1',
      name: 'Launch',
      role: 'owner',
    });
    expect(requests[0]?.init?.method).toBe('POST');
    expect(requests[0]?.init?.body).toBe(JSON.stringify({ name: 'Launch' }));
    expect(store.getState().spaces.items).toEqual([{ id: 'n1', name: 'Launch', role: 'owner' }]);
    expect(store.getState().spaces.createError).toBeNull();
  });

  it('sets a member’s role with PUT', async () => {
    const { api, requests } = setup([json({ id: 'u', role: 'viewer' })]);
    await api.setMember('s1', 'emp 1', 'viewer');
    expect(requests[0]?.url).toBe('https://relay.example/api/spaces/s1/members/emp%201');
    expect(requests[0]?.init?.method).toBe('PUT');
  });
});

describe('read-only reason', () => {
  it('comes from the viewer role, or from the relay’s permission-denied message', () => {
    expect(readOnlyReason('owner', null)).toBeNull();
    expect(readOnlyReason('editor', null)).toBeNull();
    expect(readOnlyReason(undefined, null)).toBeNull();
    expect(readOnlyReason('viewer', null)).toBe(viewerMessage());
    expect(readOnlyReason('editor', READ_ONLY_REASON)).toBe(viewerMessage());
    expect(readOnlyReason(undefined, 'quota')).toMatch(/refused your changes \(quota\)/);
  });

  it('is derived per room from the spaces list', () => {
    const store = createAppStore();
    store.getState().patchSpaces({ items: [{ id: 's1', name: 'S', role: 'viewer' }] });
    expect(selectReadOnlyReason('s1/welcome')(store.getState())).toBe(viewerMessage());
    expect(selectReadOnlyReason('s2/welcome')(store.getState())).toBeNull();
  });
});
