import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OidcClient, TokenSet } from './index.ts';
import { createWebSession, memoryStore } from './index.ts';

// Offline, the session keeps the cached identity and the
// refresh waits for the network (the IdP side is a scripted fake OidcClient).

const PROFILE = { sub: 'emp-1', name: 'Ada' };
let now = 1_000_000;

afterEach(() => {
  vi.useRealTimers();
});

function tokenSet(n: number): TokenSet {
  return {
    accessToken: `at-${n}`,
    refreshToken: `rt-${n}`,
    obtainedAt: now,
    expiresAt: now + 600_000,
    profile: PROFILE,
  };
}

describe('web session offline', () => {
  it('stays signed in while discovery fails, waits for `online`, then refreshes', async () => {
    vi.useFakeTimers();
    let online = false;
    const onlineListeners: (() => void)[] = [];
    let reachable = false;
    const refreshCalls: number[] = [];
    const oidc: OidcClient = {
      beginSignIn: () => Promise.reject(new Error('unused')),
      completeSignIn: () => Promise.reject(new Error('unused')),
      refresh: () => {
        refreshCalls.push(now);
        // Offline: discovery itself fails with a network error, not a refusal.
        return reachable
          ? Promise.resolve(tokenSet(2))
          : Promise.reject(new TypeError('fetch failed'));
      },
      revoke: () => Promise.resolve(),
    };
    const storage = memoryStore();
    storage.setItem('commonplace.session.v1', JSON.stringify(tokenSet(1)));
    const session = createWebSession({
      oidc,
      storage,
      navigate: () => undefined,
      now: () => now,
      random: () => 0.5,
      network: {
        onLine: () => online,
        onOnline: (listener) => {
          onlineListeners.push(listener);
          return () => undefined;
        },
      },
    });
    expect(session.state()).toMatchObject({ status: 'signed-in', profile: PROFILE });

    // The scheduled refresh comes due while offline: no attempt at all.
    now += 540_000;
    await vi.advanceTimersByTimeAsync(540_000);
    expect(refreshCalls).toHaveLength(0);
    // Past expiry, still offline: no token for the relay, but still signed in.
    now += 120_000;
    await expect(session.accessToken()).resolves.toBeNull();
    expect(session.state().status).toBe('signed-in');
    expect(refreshCalls).toHaveLength(1); // the explicit request tried once

    // Back online, the IdP answers: one refresh, right away.
    online = true;
    reachable = true;
    for (const listener of onlineListeners) listener();
    await vi.advanceTimersByTimeAsync(0);
    expect(refreshCalls).toHaveLength(2);
    await expect(session.accessToken()).resolves.toMatchObject({ accessToken: 'at-2' });
    session.dispose();
  });

  it('backs off exponentially while the IdP stays unreachable', async () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const oidc: OidcClient = {
      beginSignIn: () => Promise.reject(new Error('unused')),
      completeSignIn: () => Promise.reject(new Error('unused')),
      refresh: () => {
        calls.push(now);
        return Promise.reject(new TypeError('fetch failed'));
      },
      revoke: () => Promise.resolve(),
    };
    const storage = memoryStore();
    storage.setItem('commonplace.session.v1', JSON.stringify(tokenSet(1)));
    const session = createWebSession({
      oidc,
      storage,
      navigate: () => undefined,
      now: () => now,
      random: () => 0,
    });
    for (let i = 0; i < 5; i += 1) {
      const step = 1_000;
      for (let t = 0; t < 700; t += 1) {
        now += step;
        await vi.advanceTimersByTimeAsync(step);
      }
    }
    const gaps = calls.slice(1).map((t, i) => t - (calls[i] ?? 0));
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    // 5 s, 10 s, 20 s… (half of 10 s doubling, random() = 0)
    expect(gaps[0]).toBe(5_000);
    expect(gaps[1]).toBe(10_000);
    expect(gaps[2]).toBe(20_000);
    expect(session.state().status).toBe('signed-in');
    session.dispose();
  });
});
