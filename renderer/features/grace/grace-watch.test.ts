import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/auth.ts';
import { memoryStore } from '../../auth/token-set.ts';
import {
  createAppStore,
  INITIAL_ROOM_STATUS,
  selectCanEdit,
  selectReadOnlyReason,
} from '../../store/index.ts';
import { startGraceWatch, type Timers } from './grace-watch.ts';

const DAY = 24 * 60 * 60 * 1000;
const persistence = { refreshTokenPersisted: true };
const profile = { sub: 'emp-1001', name: 'Ada Lovelace' };

function signedIn(expiresAt: number): SessionState {
  return { status: 'signed-in', profile, accessTokenExpiresAt: expiresAt, persistence };
}

/** A manual clock and timer queue: time moves only when the test says so. */
function manualTime(start: number) {
  let t = start;
  let pending: { at: number; run: () => void; id: number } | null = null;
  let ids = 0;
  const timers: Timers = {
    setTimeout(run, ms) {
      ids += 1;
      pending = { at: t + ms, run, id: ids };
      return ids;
    },
    clearTimeout(handle) {
      if (pending?.id === handle) pending = null;
    },
  };
  return {
    now: () => t,
    timers,
    /** Moves the clock on, running the timer if it falls due. */
    advance(ms: number) {
      t += ms;
      const due = pending;
      if (due !== null && due.at <= t) {
        pending = null;
        due.run();
      }
    },
  };
}

/** A room that has loaded and synced, so only the grace period decides whether it is editable. */
function readyRoom(store: ReturnType<typeof createAppStore>) {
  store.setState({
    rooms: { 's/d': { ...INITIAL_ROOM_STATUS, localLoaded: true, firstSyncDone: true } },
  });
}

describe('offline grace watch', () => {
  it('stops editing once the limit passes without a refresh, and a refresh lifts it', () => {
    const time = manualTime(1_000 * DAY);
    const store = createAppStore();
    const storage = memoryStore();
    store.getState().setSession(signedIn(time.now() + 300_000));
    readyRoom(store);
    const watch = startGraceWatch({
      store,
      graceDays: 3,
      storage,
      now: time.now,
      timers: time.timers,
    });
    expect(store.getState().grace.expired).toBe(false);
    expect(selectReadOnlyReason('s/d')(store.getState())).toBeNull();
    expect(selectCanEdit('s/d')(store.getState())).toBe(true);

    // Offline for three days: hourly checks, no new token.
    for (let hour = 0; hour < 3 * 24; hour += 1) time.advance(60 * 60 * 1000);
    expect(store.getState().grace.expired).toBe(true);
    expect(selectReadOnlyReason('s/d')(store.getState())).toMatch(/sign in again/);
    expect(selectCanEdit('s/d')(store.getState())).toBe(false);
    expect(store.getState().grace.days).toBe(3);

    // Back online: the IdP issues a token with a later expiry.
    store.getState().setSession(signedIn(time.now() + 300_000));
    expect(store.getState().grace.expired).toBe(false);
    expect(selectCanEdit('s/d')(store.getState())).toBe(true);
    watch.stop();
  });

  it('does not count a restored session (same expiry) as a refresh', () => {
    const time = manualTime(50 * DAY);
    const storage = memoryStore();
    const first = createAppStore();
    const expiry = time.now() + 300_000;
    first.getState().setSession(signedIn(expiry));
    startGraceWatch({
      store: first,
      graceDays: 2,
      storage,
      now: time.now,
      timers: time.timers,
    }).stop();

    time.advance(2 * DAY);
    // A restart: the saved session comes back with the expiry it had.
    const second = createAppStore();
    second.getState().setSession(signedIn(expiry));
    readyRoom(second);
    const watch = startGraceWatch({
      store: second,
      graceDays: 2,
      storage,
      now: time.now,
      timers: time.timers,
    });
    expect(second.getState().grace.expired).toBe(true);
    expect(selectCanEdit('s/d')(second.getState())).toBe(false);
    watch.stop();
  });

  it('is not reset by a signed-out start (desktop restore), but a new sign-in restarts it', () => {
    const time = manualTime(0);
    const store = createAppStore();
    const storage = memoryStore();
    const expiry = 300_000;
    store.getState().setSession(signedIn(expiry));
    const watch = startGraceWatch({
      store,
      graceDays: 1,
      storage,
      now: time.now,
      timers: time.timers,
    });
    time.advance(2 * DAY);
    expect(store.getState().grace.expired).toBe(true);
    // Main restores the saved session after the page has asked: signed out first.
    store.getState().setSession({ status: 'signed-out', persistence });
    store.getState().setSession(signedIn(expiry));
    expect(store.getState().grace.expired).toBe(true);
    // The person signs in again: the IdP issues a new token.
    store.getState().setSession(signedIn(time.now() + 300_000));
    expect(store.getState().grace.expired).toBe(false);
    watch.stop();
  });
});
