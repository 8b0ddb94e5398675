/**
 * Role changes reach open connections: every admitted connection is indexed
 * by (space, person); a membership change, announced through the fan-out
 * (`Fanout.publishMembership`: the Redis fan-out carries it to every node, so
 * a removal made through one node closes the person's sockets on all of
 * them), is applied to each of them at once: a removed member is closed with
 * 4403, a demoted editor becomes read-only, a promoted viewer may write.
 */
import type { Role } from '../../shared/api.ts';
import { EVERYONE_IN_SPACE, type MembershipChange } from '../fanout/types.ts';

/** A connection as the index sees it. */
export interface AccessHolder {
  readonly spaceId: string;
  readonly userId: string;
  /** Applies a new role, or closes with 4403 when `role` is null. */
  applyRole(role: Role | null): void;
  /** The person's memberships changed in some space (an invitation too): tell the client. */
  notifySpacesChanged?(): void;
  /** A notification for this person (JSON): a subscribed client is told. */
  notifyPersonal?(payload: string): void;
  /** Runs the access stage again and applies its verdict (a rule besides roles changed). */
  reauthorize?(): void;
}

export class LiveAccess {
  readonly #byKey = new Map<string, Set<AccessHolder>>();
  /** Every connection of a person, whatever its space: an invitation reaches them there. */
  readonly #byUser = new Map<string, Set<AccessHolder>>();

  static #key(spaceId: string, userId: string): string {
    // NUL cannot occur in a space id (ID_PATTERN), so keys never collide.
    return `${spaceId}\u0000${userId}`;
  }

  /** Indexes a connection that passed the access stage. */
  add(holder: AccessHolder): void {
    const key = LiveAccess.#key(holder.spaceId, holder.userId);
    let set = this.#byKey.get(key);
    if (set === undefined) {
      set = new Set();
      this.#byKey.set(key, set);
    }
    set.add(holder);
    let mine = this.#byUser.get(holder.userId);
    if (mine === undefined) {
      mine = new Set();
      this.#byUser.set(holder.userId, mine);
    }
    mine.add(holder);
  }

  /** Forgets a connection (closed). Unknown ones are ignored. */
  remove(holder: AccessHolder): void {
    const key = LiveAccess.#key(holder.spaceId, holder.userId);
    const mine = this.#byUser.get(holder.userId);
    mine?.delete(holder);
    if (mine?.size === 0) this.#byUser.delete(holder.userId);
    const set = this.#byKey.get(key);
    if (set === undefined) return;
    set.delete(holder);
    if (set.size === 0) this.#byKey.delete(key);
  }

  /**
   * Applies a membership change to the person's open connections in that
   * space, and tells each of their connections (in any space) that their
   * spaces changed, so that a new space appears without a reload.
   */
  apply(change: MembershipChange): void {
    if (change.userId === EVERYONE_IN_SPACE) {
      this.#reevaluateSpace(change.spaceId);
      return;
    }
    const set = this.#byKey.get(LiveAccess.#key(change.spaceId, change.userId));
    for (const holder of [...(set ?? [])]) holder.applyRole(change.role);
    for (const holder of [...(this.#byUser.get(change.userId) ?? [])]) {
      holder.notifySpacesChanged?.();
    }
  }

  /**
   * Re-runs the access stage of one person's connections, or of everyone's
   * when `userId` is null: a rule that is not a membership changed (the
   * acceptable-use policy was accepted, or a new version published).
   */
  reevaluate(userId: string | null): void {
    const sets = userId === null ? [...this.#byUser.values()] : [this.#byUser.get(userId)];
    for (const set of sets) for (const holder of [...(set ?? [])]) holder.reauthorize?.();
  }

  /** Re-runs the access stage of every connection in the space (its visibility changed). */
  #reevaluateSpace(spaceId: string): void {
    const prefix = LiveAccess.#key(spaceId, '');
    for (const [key, set] of [...this.#byKey]) {
      if (!key.startsWith(prefix)) continue;
      for (const holder of [...set]) holder.reauthorize?.();
    }
  }

  /** Hands a personal message (a notification) to each of the person's connections here. */
  notifyPerson(userId: string, payload: string): void {
    for (const holder of [...(this.#byUser.get(userId) ?? [])]) holder.notifyPersonal?.(payload);
  }

  /** Connections indexed (tests). */
  get size(): number {
    let n = 0;
    for (const set of this.#byKey.values()) n += set.size;
    return n;
  }
}
