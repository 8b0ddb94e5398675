import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OidcClient, TokenSet } from './index.ts';
import { createWebSession, memoryStore, refreshDelay, refreshLead } from './index.ts';
import { SignInProblem } from './sign-in-problem.ts';
import { ENGLISH_SESSION_MESSAGES } from './web-session.ts';

// The IdP side is a scripted fake OidcClient here (timing and state rules);
// scripts/web-auth-flow.test.ts runs the real client against the real dev IdP.

const PROFILE = { sub: 'emp-1', name: 'Ada' };
let now = 1_000_000;

function tokens(n: number, lifetimeMs = 600_000): TokenSet {
  return {
    accessToken: `at-${n}`,
    refreshToken: `rt-${n}`,
    obtainedAt: now,
    expiresAt: now + lifetimeMs,
    profile: PROFILE,
  };
}

function fakeOidc(overrides: Partial<OidcClient> = {}) {
  let issued = 1;
  const calls = { refresh: [] as string[], revoke: [] as string[] };
  const oidc: OidcClient = {
    beginSignIn: ({ returnTo }) =>
      Promise.resolve({
        url: new URL('https://idp.example/auth?x=1'),
        pending: {
          state: 's'.repeat(20),
          nonce: 'n'.repeat(20),
          codeVerifier: 'v'.repeat(43),
          returnTo,
          createdAt: now,
        },
      }),
    completeSignIn: () => Promise.resolve(tokens(issued)),
    refresh: (current) => {
      calls.refresh.push(current.refreshToken ?? '');
      issued += 1;
      return Promise.resolve(tokens(issued));
    },
    revoke: (rt) => {
      calls.revoke.push(rt);
      return Promise.resolve();
    },
    ...overrides,
  };
  return { oidc, calls };
}

afterEach(() => {
  vi.useRealTimers();
});

async function signedIn(oidc: OidcClient, storage = memoryStore()) {
  const session = createWebSession({ oidc, storage, navigate: () => undefined, now: () => now });
  await session.signIn('/?space=a');
  const shown = await session.handleRedirect(new URL('https://app.example/?code=c&state=s&iss=x'));
  return { session, storage, shown };
}

describe('refresh schedule', () => {
  it('refreshes a minute early, or a fifth of a short lifetime early, never in a tight loop', () => {
    expect(refreshLead(600_000)).toBe(60_000);
    expect(refreshLead(10_000)).toBe(2_000);
    expect(refreshDelay(now + 600_000, now, 600_000)).toBe(540_000);
    expect(refreshDelay(now - 5, now, 600_000)).toBe(1_000);
  });
});

describe('web session', () => {
  it('completes the callback once, keeps tokens in session storage only, and restores the page', async () => {
    const { oidc } = fakeOidc();
    const { session, storage, shown } = await signedIn(oidc);
    expect(shown).toBe('/?space=a');
    expect(session.state()).toMatchObject({ status: 'signed-in', profile: PROFILE });
    expect(storage.getItem('commonplace.signin.v1')).toBeNull();
    expect(JSON.parse(storage.getItem('commonplace.session.v1') ?? '{}')).toMatchObject({
      accessToken: 'at-1',
    });
    // A second visit to the same callback URL finds no pending round trip.
    await session.handleRedirect(new URL('https://app.example/?code=c&state=s'));
    expect(session.state()).toMatchObject({ status: 'error' });
    // A new page load picks the stored session up; a tampered one is dropped.
    const again = createWebSession({ oidc, storage, navigate: () => undefined, now: () => now });
    storage.setItem('commonplace.session.v1', JSON.stringify({ accessToken: 'x' }));
    expect(createWebSession({ oidc, storage, navigate: () => undefined }).state().status).toBe(
      'signed-out',
    );
    again.dispose();
    session.dispose();
  });

  it('is no callback without state and code', async () => {
    const { oidc } = fakeOidc();
    const session = createWebSession({ oidc, storage: memoryStore(), navigate: () => undefined });
    await expect(
      session.handleRedirect(new URL('https://app.example/?space=a')),
    ).resolves.toBeNull();
    expect(session.state().status).toBe('signed-out');
  });

  it('refreshes silently before expiry and stores the rotated refresh token', async () => {
    vi.useFakeTimers();
    const { oidc, calls } = fakeOidc();
    const { session, storage } = await signedIn(oidc);
    const changes: string[] = [];
    session.onChange((s) => changes.push(s.status));
    now += 540_000;
    await vi.advanceTimersByTimeAsync(540_000);
    expect(calls.refresh).toEqual(['rt-1']);
    expect(JSON.parse(storage.getItem('commonplace.session.v1') ?? '{}')).toMatchObject({
      refreshToken: 'rt-2',
    });
    expect(changes).toEqual(['signed-in']);
    now += 540_000;
    await vi.advanceTimersByTimeAsync(540_000);
    expect(calls.refresh).toEqual(['rt-1', 'rt-2']);
    session.dispose();
  });

  it('shares one refresh between concurrent callers (a rotated token is single-use)', async () => {
    const { oidc, calls } = fakeOidc();
    const { session } = await signedIn(oidc);
    const [a, b] = await Promise.all([
      session.accessToken({ forceRefresh: true }),
      session.accessToken({ forceRefresh: true }),
    ]);
    expect(calls.refresh).toEqual(['rt-1']);
    expect(a?.accessToken).toBe('at-2');
    expect(b?.accessToken).toBe('at-2');
    session.dispose();
  });

  it('ends the session, saying in words to sign in again, when the IdP refuses the refresh token', async () => {
    const { oidc } = fakeOidc({
      refresh: () => Promise.reject(Object.assign(new Error('x'), { error: 'invalid_grant' })),
    });
    const { session, storage } = await signedIn(oidc);
    await expect(session.accessToken({ forceRefresh: true })).resolves.toBeNull();
    expect(session.state()).toMatchObject({
      status: 'error',
      reason: 'Your session has ended. Please sign in again.',
      // For good: the app erases its local copy on this flag.
      refused: true,
    });
    // Not the IdP's protocol words.
    expect(JSON.stringify(session.state())).not.toContain('invalid_grant');
    expect(storage.getItem('commonplace.session.v1')).toBeNull();
  });

  it('ends the session for good when the IdP returns another person on refresh', async () => {
    const other = new SignInProblem(
      { code: 'differentPerson' },
      'The identity provider returned a different person on refresh.',
    );
    const { oidc } = fakeOidc({ refresh: () => Promise.reject(other) });
    const { session } = await signedIn(oidc);
    await expect(session.accessToken({ forceRefresh: true })).resolves.toBeNull();
    // Not retried as if the network had failed: the app refuses what it was sent.
    expect(session.state()).toMatchObject({ status: 'error', refused: true });
    expect(ENGLISH_SESSION_MESSAGES.problem({ code: 'differentPerson' })).toBe(
      'the sign-in service returned a different person',
    );
  });

  it('keeps a still-valid token when the IdP is unreachable', async () => {
    const { oidc } = fakeOidc({ refresh: () => Promise.reject(new TypeError('fetch failed')) });
    const { session } = await signedIn(oidc);
    now += 560_000; // due, not expired
    await expect(session.accessToken()).resolves.toMatchObject({ accessToken: 'at-1' });
    expect(session.state().status).toBe('signed-in');
    session.dispose();
  });

  it('revokes and wipes on sign-out, and asks the IdP for a login next time', async () => {
    const { oidc, calls } = fakeOidc();
    const begin = vi.spyOn(oidc, 'beginSignIn');
    const { session, storage } = await signedIn(oidc);
    await expect(session.signOut()).resolves.toMatchObject({ status: 'signed-out' });
    expect(calls.revoke).toEqual(['rt-1']);
    expect(storage.getItem('commonplace.session.v1')).toBeNull();
    await expect(session.accessToken()).resolves.toBeNull();
    await session.signIn('/');
    expect(begin.mock.calls.map((c) => c[0].forceLogin)).toEqual([false, true]);
  });
});
