import { describe, expect, it, vi } from 'vitest';
import { createRelayApi } from '../api/index.ts';
import { createAppStore } from '../store/index.ts';
import { createSpacesService } from './index.ts';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

/** The relay's HTTP side is scripted: each call answers with the next response. */
function setup(responses: (Response | Promise<Response>)[]) {
  const requests: { url: string; method: string; body: string | null }[] = [];
  const fetchFn = vi.fn((url: URL | RequestInfo, init?: RequestInit) => {
    requests.push({
      url: url instanceof URL ? url.href : typeof url === 'string' ? url : url.url,
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? init.body : null,
    });
    return Promise.resolve(responses.shift() ?? json({}, 500));
  });
  const api = createRelayApi({
    relayUrl: 'wss://relay.example/',
    fetch: fetchFn,
    accessToken: () => Promise.resolve({ accessToken: 't', expiresAt: 1 }),
  });
  const store = createAppStore();
  return { store, service: createSpacesService(api, store), requests };
}

describe('space settings in the spaces service', () => {
  it('PATCHes the space and shows the answer at once, keeping the caller’s role', async () => {
    const { store, service, requests } = setup([
      json({ spaces: [{ id: 's1', name: 'Design', role: 'owner' }] }),
      json({ id: 's1', name: 'Product', icon: '🎨', description: 'Mock-ups' }),
    ]);
    await service.load();
    const updated = await service.update('s1', { name: 'Product', icon: '🎨' });
    expect(requests[1]).toEqual({
      url: 'https://relay.example/api/spaces/s1',
      method: 'PATCH',
      body: JSON.stringify({ name: 'Product', icon: '🎨' }),
    });
    expect(updated).toEqual({
      id: 's1',
      name: 'Product',
      icon: '🎨',
      description: 'Mock-ups',
      role: 'owner',
    });
    expect(store.getState().spaces.items).toEqual([updated]);
  });

  it('rejects with the relay’s message when it refuses, changing nothing', async () => {
    const { store, service } = setup([
      json({ spaces: [{ id: 's1', name: 'Design', role: 'editor' }] }),
      json({ error: { code: 'forbidden', message: 'only owners change settings' } }, 403),
    ]);
    await service.load();
    await expect(service.update('s1', { name: 'X' })).rejects.toThrow('only owners');
    expect(store.getState().spaces.items.map((s) => s.name)).toEqual(['Design']);
  });

  it('refresh picks up another person’s change quietly, and keeps the list when offline', async () => {
    const { store, service } = setup([
      json({ spaces: [{ id: 's1', name: 'Design', role: 'editor' }] }),
      json({ spaces: [{ id: 's1', name: 'Renamed', icon: '🚀', role: 'editor' }] }),
      json({ error: { code: 'internal', message: 'relay error' } }, 500),
    ]);
    await service.load();
    const statuses: string[] = [];
    const stop = store.subscribe((s) => statuses.push(s.spaces.status));
    await service.refresh();
    expect(store.getState().spaces.items).toEqual([
      { id: 's1', name: 'Renamed', icon: '🚀', role: 'editor' },
    ]);
    await service.refresh();
    stop();
    expect(statuses).not.toContain('loading');
    expect(store.getState().spaces).toMatchObject({ status: 'ready', error: null });
    expect(store.getState().spaces.items.map((s) => s.name)).toEqual(['Renamed']);
  });

  it('a list fetched before a local change does not undo it', async () => {
    let answerList: (response: Response) => void = () => undefined;
    const { store, service, requests } = setup([
      json({ spaces: [{ id: 's1', name: 'Design', role: 'owner' }] }),
      new Promise<Response>((resolve) => {
        answerList = resolve;
      }),
      json({ id: 's1', name: 'Product' }),
    ]);
    await service.load();
    const refreshing = service.refresh();
    await vi.waitFor(() => {
      expect(requests).toHaveLength(2);
    });
    await service.update('s1', { name: 'Product' });
    answerList(json({ spaces: [{ id: 's1', name: 'Design', role: 'owner' }] }));
    await refreshing;
    expect(store.getState().spaces.items.map((s) => s.name)).toEqual(['Product']);
  });
});
