import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MySpace, Role } from '../../../shared/api.ts';
import type { UpdateSpaceRequest } from '../../../shared/space-settings-api.ts';
import { ApiRequestError } from '../../api/index.ts';
import { AppServicesContext } from '../../services/index.ts';
import { createAppStore } from '../../store/index.ts';
import { createDocRegistry, type DocRegistry } from '../../sync/index.ts';
import { SpaceSettingsDialog } from './index.ts';

let registry: DocRegistry | null = null;
afterEach(() => {
  cleanup();
  registry?.destroy();
  registry = null;
});

/** Records the PATCH bodies the dialog asks for; answers like the relay, or fails. */
function fakeService(fail?: ApiRequestError) {
  const calls: { spaceId: string; patch: UpdateSpaceRequest }[] = [];
  return {
    calls,
    update: (spaceId: string, patch: UpdateSpaceRequest): Promise<MySpace> => {
      calls.push({ spaceId, patch });
      if (fail) return Promise.reject(fail);
      return Promise.resolve({ id: spaceId, name: patch.name ?? 'Design', role: 'owner' });
    },
    refresh: (): Promise<void> => Promise.resolve(),
  };
}

function setup(role: Role, space: Partial<MySpace> = {}, fail?: ApiRequestError) {
  const store = createAppStore();
  registry = createDocRegistry({
    relayUrl: 'ws://127.0.0.1:9',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    connect: false,
  });
  const service = fakeService(fail);
  let closed = 0;
  render(
    <AppServicesContext value={{ store, registry }}>
      <SpaceSettingsDialog
        space={{ id: 'space1', name: 'Design', role, ...space }}
        service={service}
        onClose={() => {
          closed += 1;
        }}
      />
    </AppServicesContext>,
  );
  return { service, closed: () => closed, dialog: screen.getByRole('dialog') };
}

describe('SpaceSettingsDialog', () => {
  it('lets an owner rename, pick an icon and describe the space, sending only what changed', async () => {
    const { service, closed, dialog } = setup('owner');
    const ui = within(dialog);
    fireEvent.change(ui.getByRole('textbox', { name: 'Name' }), {
      target: { value: 'Product design' },
    });
    fireEvent.click(ui.getByRole('button', { name: 'Icon 🎨' }));
    expect(ui.getByRole('button', { name: 'Icon 🎨' }).getAttribute('aria-pressed')).toBe('true');
    expect(ui.getByRole('textbox', { name: 'Icon' })).toHaveProperty('value', '🎨');
    fireEvent.change(ui.getByRole('textbox', { name: 'Description' }), {
      target: { value: '  Mock-ups and reviews  ' },
    });
    fireEvent.click(ui.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(closed()).toBe(1);
    });
    expect(service.calls).toEqual([
      {
        spaceId: 'space1',
        patch: { name: 'Product design', icon: '🎨', description: 'Mock-ups and reviews' },
      },
    ]);
  });

  it('clears the icon with "No icon" and sends nothing else', async () => {
    const { service, closed, dialog } = setup('owner', { icon: '📚', description: 'Docs' });
    const ui = within(dialog);
    fireEvent.click(ui.getByRole('button', { name: 'No icon' }));
    fireEvent.click(ui.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(closed()).toBe(1);
    });
    expect(service.calls.map((c) => c.patch)).toEqual([{ icon: null }]);
  });

  it('closes without a request when nothing changed', () => {
    const { service, closed, dialog } = setup('owner', { icon: '📚' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(closed()).toBe(1);
    expect(service.calls).toEqual([]);
  });

  it('refuses an empty name or an over-long icon in words, sending nothing', () => {
    const { service, closed, dialog } = setup('owner');
    const ui = within(dialog);
    fireEvent.change(ui.getByRole('textbox', { name: 'Name' }), { target: { value: '   ' } });
    fireEvent.submit(ui.getByRole('form', { name: 'Space settings' }));
    expect(ui.getByRole('alert').textContent).toContain('needs a name');
    fireEvent.change(ui.getByRole('textbox', { name: 'Name' }), { target: { value: 'Ok' } });
    fireEvent.change(ui.getByRole('textbox', { name: 'Icon' }), {
      target: { value: '🎨'.repeat(17) },
    });
    fireEvent.submit(ui.getByRole('form', { name: 'Space settings' }));
    expect(ui.getByRole('alert').textContent).toContain('icon is at most 16');
    expect(service.calls).toEqual([]);
    expect(closed()).toBe(0);
  });

  it('shows the relay’s refusal and stays open with the draft', async () => {
    const refusal = new ApiRequestError(
      403,
      'forbidden',
      'only owners of this space change its settings',
    );
    const { closed, dialog } = setup('owner', {}, refusal);
    const ui = within(dialog);
    fireEvent.change(ui.getByRole('textbox', { name: 'Name' }), { target: { value: 'Mine' } });
    fireEvent.click(ui.getByRole('button', { name: 'Save' }));
    await waitFor(() => {
      expect(ui.getByRole('alert').textContent).toContain('only owners');
    });
    expect(closed()).toBe(0);
    expect(ui.getByRole('textbox', { name: 'Name' })).toHaveProperty('value', 'Mine');
  });

  it('shows an editor the settings read-only, with the export', () => {
    const { dialog } = setup('editor', { icon: '🧪', description: 'Lab notes\nand results' });
    const ui = within(dialog);
    expect(ui.queryByRole('textbox')).toBeNull();
    expect(ui.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(dialog.textContent).toContain('Only owners of this space change its settings.');
    expect(dialog.textContent).toContain('🧪 Design');
    expect(dialog.textContent).toContain('Lab notes\nand results');
    expect(ui.getByRole('button', { name: 'Export space (zip)' })).toBeTruthy();
  });
});
