import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { useAppBadge } from './index.ts';

afterEach(cleanup);

function Badge({ host, unread }: { host: { setBadge(n: number): Promise<void> }; unread: number }) {
  useAppBadge(host, unread);
  return null;
}

describe('useAppBadge', () => {
  it('sends every new unread count and clears the badge when the workspace goes', () => {
    const sent: number[] = [];
    const host = {
      setBadge: (n: number) => {
        sent.push(n);
        return Promise.resolve();
      },
    };
    const view = render(<Badge host={host} unread={2} />);
    view.rerender(<Badge host={host} unread={2} />);
    view.rerender(<Badge host={host} unread={5} />);
    view.unmount();
    expect(sent).toEqual([2, 5, 0]);
  });

  it('does nothing where the host has no badge (a browser)', () => {
    expect(() => render(<Badge host={{} as never} unread={3} />)).not.toThrow();
  });
});
