import { describe, expect, it } from 'vitest';
import { badgeText, createBadge, type BadgeApp, type TrayLike } from './badge.ts';

class FakeTray implements TrayLike {
  tooltip = '';
  destroyed = false;
  readonly clicks: (() => void)[] = [];
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  on(_event: 'click', listener: () => void): this {
    this.clicks.push(listener);
    return this;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

function fakeApp(): BadgeApp & { dockBadge: string | null; count: number | null } {
  const app = {
    dockBadge: null as string | null,
    count: null as number | null,
    setBadgeCount(count?: number) {
      app.count = count ?? 0;
      return true;
    },
    dock: {
      setBadge(text: string) {
        app.dockBadge = text;
      },
    },
  };
  return app;
}

describe('badge', () => {
  it('writes 99+ beyond 99 and nothing at zero', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(100)).toBe('99+');
  });

  it('on macOS sets the dock badge and makes no tray icon', () => {
    const app = fakeApp();
    const trays: FakeTray[] = [];
    const badge = createBadge({
      app,
      platform: 'darwin',
      createTray: () => {
        const tray = new FakeTray();
        trays.push(tray);
        return tray;
      },
      focus: () => undefined,
    });
    badge.set(3);
    expect(app.dockBadge).toBe('3');
    badge.set(0);
    expect(app.dockBadge).toBe('');
    expect(trays).toHaveLength(0);
  });

  it('on Windows shows the count on one tray icon whose click focuses the window', () => {
    const app = fakeApp();
    const trays: FakeTray[] = [];
    let focused = 0;
    const badge = createBadge({
      app,
      platform: 'win32',
      createTray: () => {
        const tray = new FakeTray();
        trays.push(tray);
        return tray;
      },
      focus: () => {
        focused += 1;
      },
    });
    badge.set(5);
    badge.set(120);
    expect(trays).toHaveLength(1);
    expect(trays[0]?.tooltip).toBe('Commonplace: 99+ unread');
    expect(app.count).toBeNull(); // Windows has no launcher count
    trays[0]?.clicks[0]?.();
    expect(focused).toBe(1);
    badge.dispose();
    expect(trays[0]?.destroyed).toBe(true);
  });

  it('on Linux also sets the launcher count, and survives a desktop without a tray', () => {
    const app = fakeApp();
    const logged: string[] = [];
    const badge = createBadge({
      app,
      platform: 'linux',
      createTray: () => {
        throw new Error('no StatusNotifier host');
      },
      focus: () => undefined,
      log: (m) => logged.push(m),
    });
    badge.set(4);
    expect(app.count).toBe(4);
    expect(logged[0]).toContain('no tray icon');
  });
});
