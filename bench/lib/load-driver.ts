// Child process of the relay load benchmark (forked by load-drivers.ts):
// drives a share of the clients so that client-side work runs beside the
// relay on its own event loops, as separate people's machines would. Talks
// to the bench over the IPC channel; see DriverCommand / DriverReply.
import { LoadClient, type WireProtocol } from './load-client.ts';
import { dueSends, updateKey, type ClientSpec } from './load-plan.ts';

export type DriverCommand =
  | {
      type: 'connect';
      url: string;
      protocol: WireProtocol;
      params: Record<string, string>;
      clients: ClientSpec[];
      batch: number;
    }
  | { type: 'run'; rate: number; durationMs: number; drainMs: number }
  | { type: 'close' };

export type DriverReply =
  | { type: 'connected' }
  | {
      type: 'result';
      /** Keys (updateKey) of the updates this driver's clients sent. */
      sends: number[];
      /** [updateKey, latency ms] for every stamped update its clients received. */
      receipts: [number, number][];
      /** Per send, how far behind its schedule it left (ms): the driver's own saturation. */
      lags: number[];
    }
  | { type: 'error'; message: string };

const clients: LoadClient[] = [];
let receipts: [number, number][] = [];

function reply(message: DriverReply): void {
  process.send?.(message);
}

async function connect(command: Extract<DriverCommand, { type: 'connect' }>): Promise<void> {
  for (let start = 0; start < command.clients.length; start += command.batch) {
    const batch = command.clients.slice(start, start + command.batch).map(
      (spec) =>
        new LoadClient({
          ...spec,
          url: command.url,
          protocol: command.protocol,
          params: command.params,
          onReceipt: (sender, seq, latencyMs) => {
            receipts.push([updateKey(sender, seq), latencyMs]);
          },
        }),
    );
    clients.push(...batch);
    await Promise.all(batch.map((client) => client.synced));
  }
  reply({ type: 'connected' });
}

async function run(command: Extract<DriverCommand, { type: 'run' }>): Promise<void> {
  receipts = [];
  const sends: number[] = [];
  const lags: number[] = [];
  let next = 0;
  const start = performance.now();
  // Sends go round-robin over this driver's clients: each person types now
  // and then, all of them together at the driver's share of the rate.
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const elapsed = performance.now() - start;
      const due = dueSends(command.rate, Math.min(elapsed, command.durationMs), sends.length);
      const now = performance.now() - start;
      for (let i = 0; i < due; i++) {
        lags.push(Math.max(0, now - ((sends.length + 1) * 1000) / command.rate));
        const client = clients[next % clients.length];
        next += 1;
        if (client === undefined) continue;
        client.edit();
        sends.push(updateKey(client.id, client.sequence));
      }
      if (elapsed >= command.durationMs) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  // Late receipts of the last updates still count; then the step is over.
  await new Promise((resolve) => setTimeout(resolve, command.drainMs));
  reply({ type: 'result', sends, receipts, lags });
  receipts = [];
}

process.on('message', (command: DriverCommand) => {
  const work =
    command.type === 'connect'
      ? connect(command)
      : command.type === 'run'
        ? run(command)
        : Promise.resolve().then(() => {
            clients.forEach((client) => {
              client.close();
            });
            process.disconnect();
          });
  work.catch((error: unknown) => {
    reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
});

// The bench going away (even killed) must not leave drivers holding sockets.
process.on('disconnect', () => {
  clients.forEach((client) => {
    client.close();
  });
  process.exit(0);
});
