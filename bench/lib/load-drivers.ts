// The bench side of the client drivers: forks `node bench/lib/load-driver.ts`
// a few times, hands each a share of the clients and of the rate, and
// gathers what they measured.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { DriverCommand, DriverReply } from './load-driver.ts';
import type { WireProtocol } from './load-client.ts';
import { split, type ClientSpec } from './load-plan.ts';
import { summarize } from './percentiles.ts';

export interface StepOutcome {
  sends: number[];
  receipts: [number, number][];
  /** p99 over all sends of how far behind schedule they left (ms). */
  lagMs: number;
}

export interface Drivers {
  readonly pids: readonly number[];
  /** Sends `rate` updates/s in total for `durationMs`, then waits `drainMs` for late receipts. */
  step(rate: number, durationMs: number, drainMs: number): Promise<StepOutcome>;
  close(): Promise<void>;
}

const TIMEOUT_MARGIN_MS = 60_000;

export async function startDrivers(options: {
  root: string;
  count: number;
  url: string;
  protocol: WireProtocol;
  params: Record<string, string>;
  clients: readonly ClientSpec[];
}): Promise<Drivers> {
  const script = path.join(options.root, 'bench', 'lib', 'load-driver.ts');
  const shares = split(options.clients, options.count).filter((share) => share.length > 0);
  const children = shares.map(() =>
    fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' }),
  );
  const close = async (): Promise<void> => {
    await Promise.all(children.map(stop));
  };
  try {
    await Promise.all(
      children.map((child, i) =>
        ask(child, {
          type: 'connect',
          url: options.url,
          protocol: options.protocol,
          params: options.params,
          clients: shares[i] ?? [],
          batch: 20,
        }),
      ),
    );
  } catch (error) {
    await close();
    throw error;
  }
  return {
    pids: children.map((child) => child.pid ?? -1),
    step: async (rate, durationMs, drainMs) => {
      const total = options.clients.length;
      const replies = await Promise.all(
        children.map((child, i) =>
          ask(child, {
            type: 'run',
            rate: (rate * (shares[i]?.length ?? 0)) / total,
            durationMs,
            drainMs,
          }),
        ),
      );
      const outcome: StepOutcome = { sends: [], receipts: [], lagMs: 0 };
      const lags: number[] = [];
      for (const reply of replies) {
        if (reply.type !== 'result') continue;
        for (const key of reply.sends) outcome.sends.push(key);
        for (const receipt of reply.receipts) outcome.receipts.push(receipt);
        for (const lag of reply.lags) lags.push(lag);
      }
      if (lags.length > 0) outcome.lagMs = summarize(lags).p99;
      return outcome;
    },
    close,
  };
}

/** Sends a command and waits for the driver's reply (or its death). */
function ask(child: ChildProcess, command: DriverCommand): Promise<DriverReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => {
        finish();
        reject(new Error(`load driver ${String(child.pid)} did not answer "${command.type}"`));
      },
      TIMEOUT_MARGIN_MS + ('durationMs' in command ? command.durationMs : 0),
    );
    const onMessage = (reply: DriverReply): void => {
      finish();
      if (reply.type === 'error') reject(new Error(`load driver: ${reply.message}`));
      else resolve(reply);
    };
    const onExit = (code: number | null): void => {
      finish();
      reject(new Error(`load driver ${String(child.pid)} exited (${String(code)})`));
    };
    const finish = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
    child.send(command);
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  if (child.connected) child.send({ type: 'close' } satisfies DriverCommand);
  const timer = setTimeout(() => {
    child.kill('SIGKILL');
  }, 5_000);
  await exited;
  clearTimeout(timer);
}
