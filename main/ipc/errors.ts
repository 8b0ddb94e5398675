/** Why an IPC call was refused; the code is stable, the message is for people. */
export type IpcErrorCode =
  'unknown-channel' | 'forbidden-sender' | 'bad-arguments' | 'bad-result' | 'handler-failed';

/**
 * Thrown back to the renderer. Electron passes only the message across the
 * bridge, so the code is prefixed to it: `[bad-arguments] app:info: ...`.
 */
export class IpcError extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string) {
    super(`[${code}] ${message}`);
    this.name = 'IpcError';
    this.code = code;
  }
}
