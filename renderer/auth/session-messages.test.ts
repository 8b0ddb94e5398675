import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import type { OidcClient } from './index.ts';
import { createWebSession, memoryStore } from './index.ts';
import { sessionMessages } from './session-messages.ts';
import { profileFromClaims } from './oidc-client.ts';
import { SignInProblem } from './sign-in-problem.ts';

// The web session's errors are what a person reads on the sign-in screen:
// in the UI language when the renderer passes its messages, in the English
// catalogue's words when nothing is passed (Node-side scripts).

afterEach(async () => {
  await i18n.changeLanguage('en');
});

/** An IdP that cannot be reached to start signing in, nor refuses a code with its own words. */
const unreachable: OidcClient = {
  beginSignIn: () => Promise.reject(new TypeError('Failed to fetch')),
  completeSignIn: () =>
    Promise.reject(
      Object.assign(new Error('refused'), {
        error: 'access_denied',
        error_description: 'user cancelled',
      }),
    ),
  refresh: () => Promise.reject(new Error('not used')),
  revoke: () => Promise.resolve(),
};

function reason(state: { readonly status: string } & { readonly reason?: string }): string {
  expect(state.status).toBe('error');
  return state.reason ?? '';
}

describe('the web session’s messages', () => {
  it('says in German that the sign-in service cannot be reached, keeping the detail', async () => {
    await i18n.changeLanguage('de');
    const session = createWebSession({
      oidc: unreachable,
      storage: memoryStore(),
      navigate: () => undefined,
      messages: sessionMessages,
    });
    expect(reason(await session.signIn('/'))).toBe(
      'Der Anmeldedienst ist nicht erreichbar (Failed to fetch)',
    );
  });

  it('says in German that a sign-in not started in this tab could not be completed', async () => {
    await i18n.changeLanguage('de');
    const session = createWebSession({
      oidc: unreachable,
      storage: memoryStore(),
      navigate: () => undefined,
      messages: sessionMessages,
    });
    await session.handleRedirect(new URL('https://app.example/?code=c&state=s'));
    expect(reason(session.state())).toMatch(/^Die Anmeldung konnte nicht abgeschlossen werden/);
  });

  it('follows a language switch made after the session was created', async () => {
    const session = createWebSession({
      oidc: unreachable,
      storage: memoryStore(),
      navigate: () => undefined,
      messages: sessionMessages,
    });
    expect(reason(await session.signIn('/'))).toBe(
      'Could not reach the sign-in service (Failed to fetch)',
    );
    await i18n.changeLanguage('de');
    expect(reason(await session.signIn('/'))).toMatch(/^Der Anmeldedienst ist nicht erreichbar/);
  });

  it('uses the English catalogue’s words when no messages are passed', async () => {
    await i18n.changeLanguage('de');
    const session = createWebSession({
      oidc: unreachable,
      storage: memoryStore(),
      navigate: () => undefined,
    });
    expect(reason(await session.signIn('/'))).toBe(
      'Could not reach the sign-in service (Failed to fetch)',
    );
  });

  it('says in German why the app refused the person, naming the domain and the allowed ones', async () => {
    await i18n.changeLanguage('de');
    let refusal = new Error('not refused');
    try {
      profileFromClaims(
        { sub: 'u1', email: 'mallory@elsewhere.test' },
        { allowedDomains: ['example.com', 'example.org'] },
      );
    } catch (error) {
      if (error instanceof Error) refusal = error;
    }
    expect(refusal).toBeInstanceOf(SignInProblem);
    const refusing: OidcClient = {
      ...unreachable,
      beginSignIn: ({ returnTo }) =>
        Promise.resolve({
          url: new URL('https://idp.example/auth'),
          pending: {
            state: 's'.repeat(20),
            nonce: 'n'.repeat(20),
            codeVerifier: 'v'.repeat(43),
            returnTo,
            createdAt: Date.now(),
          },
        }),
      completeSignIn: () => Promise.reject(refusal),
    };
    const session = createWebSession({
      oidc: refusing,
      storage: memoryStore(),
      navigate: () => undefined,
      messages: sessionMessages,
    });
    await session.signIn('/');
    await session.handleRedirect(new URL('https://app.example/?code=c&state=s'));
    expect(reason(session.state())).toBe(
      'Anmeldung fehlgeschlagen (Konten bei elsewhere.test dürfen sich hier nicht anmelden; zugelassen: example.com, example.org)',
    );
  });
});
