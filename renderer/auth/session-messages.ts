import { t } from '../i18n/index.ts';
import type { SessionMessages } from './web-session.ts';

/**
 * The session's messages in the UI language, read when each error happens.
 * Kept out of ./index.ts: the i18n layer needs a DOM, and Node-side scripts
 * import the session from there.
 */
export const sessionMessages: SessionMessages = {
  ended: () => t('session.ended'),
  notCompleted: () => t('session.notCompleted'),
  signInFailed: (detail) => t('session.signInFailed', { detail }),
  unreachable: (detail) => t('session.unreachable', { detail }),
  unknownError: () => t('session.unknownError'),
};
