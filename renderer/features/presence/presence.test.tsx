import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { AppServicesContext } from '../../services/index.ts';
import { createAppStore } from '../../store/index.ts';
import { createDocRegistry } from '../../sync/index.ts';
import { ConnectionIndicator, PresenceBar } from './index.ts';

afterEach(cleanup);

function setup() {
  const store = createAppStore();
  const registry = createDocRegistry({
    relayUrl: 'ws://127.0.0.1:9',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    connect: false,
  });
  const view = render(
    <AppServicesContext value={{ store, registry }}>
      <PresenceBar roomKey="s/d" />
      <ConnectionIndicator roomKey="s/d" />
    </AppServicesContext>,
  );
  return { store, view, registry };
}

describe('presence', () => {
  it('shows the people present with their names, self marked', () => {
    const { store, view, registry } = setup();
    act(() => {
      store.getState().patchRoom('s/d', {
        peers: [
          { clientId: 1, name: 'Ada Lovelace', color: '#e5484d', isSelf: true },
          { clientId: 2, name: 'Grace', color: '#0090ff', isSelf: false },
        ],
      });
    });
    const items = view.getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['ALAda Lovelace (you)', 'GGrace']);
    const avatar = items[1]?.querySelector<HTMLElement>('.presence__avatar');
    expect(avatar?.style.backgroundColor).toBeTruthy();
    registry.destroy();
  });

  it('announces who joins and leaves in a live region', () => {
    const { store, view, registry } = setup();
    const ada = { clientId: 1, name: 'Ada Lovelace', color: '#ce2c31', isSelf: true };
    const grace = { clientId: 2, name: 'Grace Hopper', color: '#0d74ce', isSelf: false };
    const alan = { clientId: 3, name: 'Alan Turing', color: '#218358', isSelf: false };
    const log = view.getByRole('log');
    act(() => {
      store.getState().patchRoom('s/d', { peers: [ada, grace] });
    });
    expect(log.textContent).toBe('Grace Hopper joined the note.');
    act(() => {
      store.getState().patchRoom('s/d', { peers: [ada, alan] });
    });
    expect(log.textContent).toBe('Alan Turing joined the note. Grace Hopper left the note.');
    registry.destroy();
  });

  it('shows the connection state', () => {
    const { store, view, registry } = setup();
    const indicator = view.getByRole('status');
    expect(indicator.dataset['state']).toBe('connecting');
    act(() => {
      store.getState().patchRoom('s/d', { connection: 'online' });
    });
    expect(indicator.textContent).toBe('Online');
    act(() => {
      store.getState().patchRoom('s/d', { connection: 'offline' });
    });
    expect(indicator.dataset['state']).toBe('offline');
    act(() => {
      store.getState().patchRoom('s/d', { closed: { code: 4403, reason: 'not a member' } });
    });
    expect(indicator.textContent).toBe('Refused');
    expect(indicator.title).toBe(
      'The relay refused this note (no access to this space: not a member).',
    );
    registry.destroy();
  });
});
