import type { IdentityProblem } from '../../shared/person-identity.ts';

/**
 * What went wrong signing in, as data rather than an English sentence, so the
 * session can say it in the person's language. The IdP's own error words
 * (an OAuth `error` and `error_description`) are not ours to translate and
 * travel as they are; these are the cases where the app itself decides.
 */
export type SignInProblemKind =
  | IdentityProblem
  | { readonly code: 'noIdToken' }
  | { readonly code: 'differentPerson' }
  | { readonly code: 'noAuthorizationEndpoint' }
  | { readonly code: 'noRefreshToken' };

/** An error whose `problem` the session messages put into words; `message` is English for logs. */
export class SignInProblem extends Error {
  readonly problem: SignInProblemKind;

  constructor(problem: SignInProblemKind, message: string) {
    super(message);
    this.name = 'SignInProblem';
    this.problem = problem;
  }
}

/** The catalogue key under `session` that says `problem`, and its values. */
export type ProblemKey =
  | 'problemNoIdentifier'
  | 'problemDomainNotAllowed'
  | 'problemNoDomain'
  | 'problemNoSubject'
  | 'problemNoIdToken'
  | 'problemDifferentPerson'
  | 'problemNoAuthorizationEndpoint'
  | 'problemNoRefreshToken';

/** Which sentence says `problem`, with the values it names. */
export function problemSentence(problem: SignInProblemKind): {
  readonly key: ProblemKey;
  readonly values: Readonly<Record<string, string>>;
} {
  switch (problem.code) {
    case 'noIdentifier':
      return { key: 'problemNoIdentifier', values: { claims: problem.claims.join(', ') } };
    case 'domainNotAllowed': {
      const allowed = problem.allowed.join(', ');
      return problem.domain === null
        ? { key: 'problemNoDomain', values: { claim: problem.claim, allowed } }
        : { key: 'problemDomainNotAllowed', values: { domain: problem.domain, allowed } };
    }
    case 'noSubject':
      return { key: 'problemNoSubject', values: {} };
    case 'noIdToken':
      return { key: 'problemNoIdToken', values: {} };
    case 'differentPerson':
      return { key: 'problemDifferentPerson', values: {} };
    case 'noAuthorizationEndpoint':
      return { key: 'problemNoAuthorizationEndpoint', values: {} };
    case 'noRefreshToken':
      return { key: 'problemNoRefreshToken', values: {} };
  }
}
