import type { SessionState } from '../../shared/auth.ts';
import type { SignInService } from './sign-in-service.ts';

/**
 * Stands in for the sign-in service when sign-in cannot work (no issuer
 * configured, or a bad one): every call answers with an `error` state whose
 * reason says what to set, so the app opens and tells the person why instead
 * of failing to start or offering a button that does nothing.
 */
export function createUnavailableSignInService(reason: string): SignInService {
  const state: SessionState = {
    status: 'error',
    reason,
    persistence: { refreshTokenPersisted: false },
  };
  return {
    getState: () => state,
    onStateChange: () => () => undefined,
    restore: () => Promise.resolve(state),
    signIn: () => Promise.resolve(state),
    signOut: () => Promise.resolve(state),
    getAccessToken: () => Promise.resolve(null),
    refresh: () => Promise.resolve(state),
    dispose: () => undefined,
  };
}
