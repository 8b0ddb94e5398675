import { t } from '../i18n/index.ts';
import { problemSentence, type ProblemKey } from './sign-in-problem.ts';
import type { SessionMessages } from './web-session.ts';

type Values = Record<string, string>;

/** One typed `t` call per sentence: i18next types each key's values on its own. */
const PROBLEMS: Record<ProblemKey, (values: Values) => string> = {
  problemNoIdentifier: (v) => t('session.problemNoIdentifier', { claims: v['claims'] ?? '' }),
  problemDomainNotAllowed: (v) =>
    t('session.problemDomainNotAllowed', {
      domain: v['domain'] ?? '',
      allowed: v['allowed'] ?? '',
    }),
  problemNoDomain: (v) =>
    t('session.problemNoDomain', { claim: v['claim'] ?? '', allowed: v['allowed'] ?? '' }),
  problemNoSubject: () => t('session.problemNoSubject'),
  problemNoIdToken: () => t('session.problemNoIdToken'),
  problemDifferentPerson: () => t('session.problemDifferentPerson'),
  problemNoAuthorizationEndpoint: () => t('session.problemNoAuthorizationEndpoint'),
  problemNoRefreshToken: () => t('session.problemNoRefreshToken'),
};

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
  problem: (problem) => {
    const { key, values } = problemSentence(problem);
    return PROBLEMS[key]({ ...values });
  },
};
