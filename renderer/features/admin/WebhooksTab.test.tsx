import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { CreateWebhookRequest, Delivery, Webhook } from '../../../shared/webhooks-api.ts';
import type { WebhooksApi } from '../../api/webhooks-api.ts';
import { WebhooksTab } from './WebhooksTab.tsx';

afterEach(cleanup);

/** Answers like the relay's webhook routes, and records what was asked. */
function fakeWebhooks() {
  let hooks: Webhook[] = [];
  const created: CreateWebhookRequest[] = [];
  const tested: string[] = [];
  const delivery: Delivery = {
    eventId: 'evt_1',
    kind: 'member.added',
    status: 'failed',
    attempts: 8,
    lastStatus: 500,
    lastError: 'HTTP 500',
    nextAttemptAt: null,
    createdAt: Date.UTC(2026, 11, 1),
    deliveredAt: null,
  };
  const api: WebhooksApi = {
    list: () => Promise.resolve(hooks),
    create: (request) => {
      created.push(request);
      const hook: Webhook = {
        id: 'h1',
        spaceId: null,
        url: request.url,
        events: request.events,
        enabled: true,
        createdAt: 0,
        createdBy: 'emp-1005',
      };
      hooks = [hook];
      return Promise.resolve({ ...hook, secret: 'whsec_shown_once' });
    },
    update: (id, change) => {
      hooks = hooks.map((h) =>
        h.id === id
          ? { ...h, enabled: change.enabled ?? h.enabled, events: change.events ?? h.events }
          : h,
      );
      return Promise.resolve(hooks[0] as Webhook);
    },
    remove: (id) => {
      hooks = hooks.filter((h) => h.id !== id);
      return Promise.resolve();
    },
    deliveries: () => Promise.resolve([delivery]),
    test: (id) => {
      tested.push(id);
      return Promise.resolve('evt_test');
    },
  };
  return { api, created, tested };
}

async function noAxeViolations(container: HTMLElement): Promise<void> {
  // Structure and names only: happy-dom has no layout, so contrast is left to the browser.
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

describe('the Webhooks tab', () => {
  it('creates a webhook, shows its secret once, tests, disables, shows the log and deletes', async () => {
    const fake = fakeWebhooks();
    const { container } = render(<WebhooksTab api={fake.api} />);
    expect(await screen.findByText('No webhooks yet.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Receiver URL/ }), {
      target: { value: 'https://hooks.example.com/in' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'note.updated' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create webhook' }));
    const secret = await screen.findByRole('textbox', { name: 'Signing secret' });
    expect((secret as HTMLInputElement).value).toBe('whsec_shown_once');
    expect(fake.created).toEqual([
      {
        url: 'https://hooks.example.com/in',
        events: [
          'note.created',
          'action_item.assigned',
          'action_item.completed',
          'comment.created',
          'member.added',
        ],
      },
    ]);
    await noAxeViolations(container);
    fireEvent.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByRole('textbox', { name: 'Signing secret' })).toBeNull();

    const row = (await screen.findByText('https://hooks.example.com/in')).closest('tr');
    if (row === null) throw new Error('no row');
    fireEvent.click(within(row).getByRole('button', { name: 'Send test event' }));
    expect(await screen.findByText('A test event is on its way.')).toBeTruthy();
    expect(fake.tested).toEqual(['h1']);
    fireEvent.click(within(row).getByRole('button', { name: 'Disable' }));
    expect(await screen.findByText('The webhook is disabled.')).toBeTruthy();
    await screen.findByText('https://hooks.example.com/in (disabled)');

    fireEvent.click(screen.getByRole('button', { name: 'Delivery log' }));
    const log = await screen.findByRole('table', { name: /Deliveries to/ });
    expect(within(log).getByText('HTTP 500')).toBeTruthy();
    expect(within(log).getByText('failed')).toBeTruthy();
    await noAxeViolations(container);

    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => {
      expect(screen.getByText('No webhooks yet.')).toBeTruthy();
    });
  });
});
