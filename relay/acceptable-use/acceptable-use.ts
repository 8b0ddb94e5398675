/**
 * The acceptable-use policy as the relay enforces it. A person who has not
 * accepted the current version may connect and read, but the access stage
 * marks their connections blocked (updates dropped, the client told
 * `POLICY_NOT_ACCEPTED_REASON`) and REST writes are refused with 403
 * `policy_not_accepted`. Accepting, or an admin publishing a new version,
 * re-runs the access stage of the open connections concerned, on every relay
 * node (announced through the fan-out, applied by LiveAccess on each), so
 * they change without reconnecting. No version published: nothing to accept.
 */
import {
  POLICY_NOT_ACCEPTED_CODE,
  POLICY_NOT_ACCEPTED_REASON,
  type PolicyStatus,
  type PolicyVersion,
} from '../../shared/acceptable-use.ts';
import { HttpError } from '../http/json.ts';
import type { Authorizer, Principal } from '../pipeline/auth.ts';
import { pass } from '../pipeline/types.ts';
import type { PolicyStore } from './types.ts';

/** Where an acceptance came from, for its record. */
export interface AcceptanceOrigin {
  readonly ip: string | null;
  readonly client: string | null;
}

/**
 * REST operations a person who has not accepted may still call although they
 * change something: accepting itself, an admin publishing (so a new version
 * can always replace a faulty one), and telling the relay of an export (a read).
 */
const ALLOWED_BEFORE_ACCEPTING: ReadonlySet<string> = new Set([
  'acceptPolicy',
  'publishPolicy',
  'recordSpaceExport',
]);

const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export class AcceptableUse {
  readonly #store: PolicyStore;
  readonly #recheck: (userId: string | null) => void;
  readonly #now: () => number;

  constructor(options: {
    readonly store: PolicyStore;
    /**
     * Re-runs the access stage of `userId`'s open connections (everyone's
     * when null) on every relay node: the fan-out's `publishRecheck`.
     */
    readonly recheck: (userId: string | null) => void;
    readonly now: () => number;
  }) {
    this.#store = options.store;
    this.#recheck = options.recheck;
    this.#now = options.now;
  }

  get store(): PolicyStore {
    return this.#store;
  }

  /** The current version and whether `userId` must accept it. */
  async status(userId: string): Promise<PolicyStatus> {
    const current = await this.#store.current();
    const acceptedVersion = await this.#store.acceptedVersion(userId);
    return {
      current,
      acceptedVersion,
      mustAccept: current !== null && (acceptedVersion ?? 0) < current.version,
    };
  }

  /** Wraps the access stage: a person who must accept gets a blocked (read-only) connection. */
  authorizer(inner: Authorizer): Authorizer {
    return {
      authorize: async (principal, room) => {
        const verdict = await inner.authorize(principal, room);
        if (!verdict.ok) return verdict;
        if (!(await this.status(principal.id)).mustAccept) return verdict;
        return pass({ ...verdict.value, blockedReason: POLICY_NOT_ACCEPTED_REASON });
      },
    };
  }

  /** Refuses a REST call that changes something while `principal` must accept (403). */
  async checkRequest(principal: Principal, method: string, operationId: string): Promise<void> {
    if (READ_METHODS.has(method) || ALLOWED_BEFORE_ACCEPTING.has(operationId)) return;
    if (!(await this.status(principal.id)).mustAccept) return;
    throw new HttpError(
      403,
      POLICY_NOT_ACCEPTED_CODE,
      'accept the acceptable-use policy before making changes',
    );
  }

  /**
   * Records that `principal` accepted `version`; their open connections may
   * write at once. 404 when nothing is published, 409 when `version` is not
   * the current one (a newer one was published since they read it).
   */
  async accept(
    principal: Principal,
    version: number,
    origin: AcceptanceOrigin,
  ): Promise<PolicyStatus> {
    const current = await this.#store.current();
    if (current === null) throw new HttpError(404, 'not_found', 'no policy is published');
    if (current.version !== version) {
      throw new HttpError(
        409,
        'policy_changed',
        `version ${String(current.version)} is current now: read it and accept that one`,
      );
    }
    await this.#store.accept({ userId: principal.id, version, at: this.#now(), ...origin });
    this.#recheck(principal.id);
    return this.status(principal.id);
  }

  /** Publishes a new version; everyone's open connections become read-only until they accept it. */
  async publish(principal: Principal, text: string): Promise<PolicyVersion> {
    const published = await this.#store.publish(text, principal.id, this.#now());
    this.#recheck(null);
    return published;
  }
}
