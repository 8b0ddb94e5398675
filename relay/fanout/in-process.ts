/** Fan-out within one relay process: a set of peers per room. */
import type {
  Fanout,
  FanoutPeer,
  MembershipChange,
  MembershipHandler,
  RecheckHandler,
  PersonalHandler,
  PersonalMessage,
  RemoteFrameHandler,
  ResyncHandler,
} from './types.ts';

export class InProcessFanout implements Fanout {
  readonly #rooms = new Map<string, Set<FanoutPeer>>();
  readonly #membershipHandlers = new Set<MembershipHandler>();
  readonly #recheckHandlers = new Set<RecheckHandler>();
  readonly #personalHandlers = new Set<PersonalHandler>();

  join(room: string, peer: FanoutPeer): void {
    let peers = this.#rooms.get(room);
    if (peers === undefined) {
      peers = new Set();
      this.#rooms.set(room, peers);
    }
    peers.add(peer);
  }

  leave(room: string, peer: FanoutPeer): void {
    const peers = this.#rooms.get(room);
    if (peers === undefined) return;
    peers.delete(peer);
    if (peers.size === 0) this.#rooms.delete(room);
  }

  publish(room: string, frame: Buffer, except: FanoutPeer | null): void {
    const peers = this.#rooms.get(room);
    if (peers === undefined) return;
    for (const peer of peers) {
      if (peer !== except) peer.send(frame);
    }
  }

  peerCount(room: string): number {
    return this.#rooms.get(room)?.size ?? 0;
  }

  onRemote(_handler: RemoteFrameHandler): void {
    // One process has no other nodes: nothing ever arrives from elsewhere.
  }

  onResync(_handler: ResyncHandler): void {
    // Nothing comes from elsewhere, so nothing can be missed.
  }

  publishMembership(change: MembershipChange): void {
    // Synchronously: the change reaches open sockets before the REST call answers.
    for (const handler of this.#membershipHandlers) handler(change);
  }

  onMembership(handler: MembershipHandler): void {
    this.#membershipHandlers.add(handler);
  }

  publishRecheck(userId: string | null): void {
    // Synchronously too: an acceptance is in force before its REST call answers.
    for (const handler of this.#recheckHandlers) handler(userId);
  }

  onRecheck(handler: RecheckHandler): void {
    this.#recheckHandlers.add(handler);
  }

  publishPersonal(message: PersonalMessage): void {
    for (const handler of this.#personalHandlers) handler(message);
  }

  onPersonal(handler: PersonalHandler): void {
    this.#personalHandlers.add(handler);
  }

  close(): void {
    this.#rooms.clear();
    this.#membershipHandlers.clear();
    this.#recheckHandlers.clear();
    this.#personalHandlers.clear();
  }
}
