// Load clients spread over the nodes of a deployment: one set of driver
// processes per node, stepped together so that a step's rate is the total
// over all nodes, and their sends and receipts merged into one outcome (the
// update keys are global, so a receipt on node B of an update sent on node A
// counts like any other).
import type { WireProtocol } from './load-client.ts';
import { startDrivers, type Drivers, type StepOutcome } from './load-drivers.ts';
import { nodeOf, type ClientSpec } from './load-plan.ts';

export interface Fleet {
  step(rate: number, durationMs: number, drainMs: number): Promise<StepOutcome>;
  close(): Promise<void>;
}

export interface FleetOptions {
  readonly root: string;
  /** ws:// URL of each node. */
  readonly urls: readonly string[];
  readonly protocol: WireProtocol;
  readonly params: Record<string, string>;
  readonly clients: readonly ClientSpec[];
  /** Documents the clients are spread over (for nodeOf). */
  readonly docs: number;
  /** Driver processes in total, shared out over the nodes (at least one each). */
  readonly drivers: number;
}

export async function connectFleet(options: FleetOptions): Promise<Fleet> {
  const nodes = options.urls.length;
  const shares = options.urls.map(() => [] as ClientSpec[]);
  for (const client of options.clients) shares[nodeOf(client, options.docs, nodes)]?.push(client);
  const perNode = Math.max(1, Math.round(options.drivers / nodes));
  const sets: { drivers: Drivers; size: number }[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(sets.map((set) => set.drivers.close()));
  };
  try {
    for (const [i, url] of options.urls.entries()) {
      const clients = shares[i] ?? [];
      if (clients.length === 0) continue;
      const drivers = await startDrivers({
        root: options.root,
        count: perNode,
        url,
        protocol: options.protocol,
        params: options.params,
        clients,
      });
      sets.push({ drivers, size: clients.length });
    }
  } catch (error) {
    await close();
    throw error;
  }
  const total = options.clients.length;
  return {
    step: async (rate, durationMs, drainMs) => {
      const outcomes = await Promise.all(
        sets.map((set) => set.drivers.step((rate * set.size) / total, durationMs, drainMs)),
      );
      const merged: StepOutcome = { sends: [], receipts: [], lagMs: 0 };
      for (const outcome of outcomes) {
        for (const key of outcome.sends) merged.sends.push(key);
        for (const receipt of outcome.receipts) merged.receipts.push(receipt);
        // The worst node's driver lag: a step is only as trustworthy as its slowest driver.
        merged.lagMs = Math.max(merged.lagMs, outcome.lagMs);
      }
      return merged;
    },
    close,
  };
}

/** How many other clients share each sender's document. */
export function receiversOf(clients: readonly ClientSpec[]): (sender: number) => number {
  const perRoom = new Map<string, number>();
  for (const client of clients) perRoom.set(client.room, (perRoom.get(client.room) ?? 0) + 1);
  const rooms = new Map(clients.map((client) => [client.id, client.room]));
  return (sender) => (perRoom.get(rooms.get(sender) ?? '') ?? 1) - 1;
}
