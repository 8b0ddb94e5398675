import { z } from 'zod';
import { ipcContract, isIpcChannel, IPC_CHANNELS } from '../../shared/ipc.ts';
import { IpcError } from './errors.ts';
import type { IpcHandlers } from './handlers.ts';
import { senderRejection, type InvokeEventLike } from './sender.ts';

/** The part of Electron's `ipcMain` used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

export interface IpcOptions {
  /** Origins whose top-level frame may call (the app protocol; the dev server in development). */
  readonly trustedOrigins: ReadonlySet<string>;
  /** Where refusals are reported; arguments and results are never logged (they may carry tokens later). */
  readonly log?: (message: string) => void;
}

export type IpcDispatch = (
  channel: string,
  event: InvokeEventLike,
  args: unknown[],
) => Promise<unknown>;

/**
 * One function that every IPC call goes through, in this order: known
 * channel, trusted sender, arguments parsed by the contract, handler, result
 * parsed by the contract. A failure at any step throws an `IpcError` and the
 * handler is not reached (or its result is not returned).
 */
export function createIpcDispatch(handlers: IpcHandlers, options: IpcOptions): IpcDispatch {
  const log =
    options.log ??
    ((message: string) => {
      console.warn(message);
    });
  return async (channel, event, args) => {
    if (!isIpcChannel(channel)) {
      log(`ipc: refused unknown channel ${JSON.stringify(channel)}`);
      throw new IpcError('unknown-channel', `no such IPC channel: ${JSON.stringify(channel)}`);
    }
    const rejection = senderRejection(event, options.trustedOrigins);
    if (rejection !== null) {
      log(`ipc: refused ${channel}: ${rejection}`);
      throw new IpcError('forbidden-sender', `${channel}: ${rejection}`);
    }
    const contract = ipcContract[channel];
    const parsedArgs = contract.args.safeParse(args);
    if (!parsedArgs.success) {
      throw new IpcError(
        'bad-arguments',
        `${channel}: invalid arguments: ${z.prettifyError(parsedArgs.error)}`,
      );
    }
    let raw: unknown;
    try {
      // Reflect.apply: the channel is only known at run time, so the handler
      // and its parsed arguments cannot be correlated by the compiler.
      raw = await Reflect.apply(handlers[channel], undefined, parsedArgs.data);
    } catch (error) {
      log(
        `ipc: ${channel} handler failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw new IpcError('handler-failed', `${channel} failed`);
    }
    const parsedResult = contract.result.safeParse(raw);
    if (!parsedResult.success) {
      // A bug in main, not the caller's fault: say so without echoing the value.
      log(`ipc: ${channel} produced an invalid result: ${z.prettifyError(parsedResult.error)}`);
      throw new IpcError('bad-result', `${channel} produced an invalid result`);
    }
    return parsedResult.data;
  };
}

/**
 * Registers every contract channel with `ipcMain.handle` and nothing else, so
 * a channel outside the contract has no handler at all; the shared dispatch
 * refuses it as well, should one ever be wired by hand.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  options: IpcOptions,
): IpcDispatch {
  const extra = Object.keys(handlers).filter((name) => !isIpcChannel(name));
  if (extra.length > 0) {
    throw new Error(`IPC handlers for channels outside the contract: ${extra.join(', ')}`);
  }
  const dispatch = createIpcDispatch(handlers, options);
  for (const channel of IPC_CHANNELS) {
    ipcMain.handle(channel, (event, ...args) => dispatch(channel, event, args));
  }
  return dispatch;
}
