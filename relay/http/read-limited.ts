/**
 * Reading a request body with a size cap, for JSON (json.ts) and raw bodies
 * (raw-body.ts) alike.
 *
 * The body is counted chunk by chunk as it streams in. Past the cap the
 * reader stops collecting and returns `'too-large'` without destroying the
 * request: the caller answers 413, and lingering-close.ts discards what the
 * client still sends and closes the connection once that answer is out.
 * (Leaving a `for await` loop early destroys the stream instead, and a
 * client still sending then risks a reset before it reads the 413.)
 */
import type { IncomingMessage } from 'node:http';

/** Why a body could not be read to its end. */
export class BodyAbortedError extends Error {
  constructor(message = 'the client closed the connection before the body was complete') {
    super(message);
    this.name = 'BodyAbortedError';
  }
}

/**
 * Reads `req`'s body if it is at most `maxBytes`; `'too-large'` as soon as
 * it passes that (the rest is left unread, the request intact); `'idle'`
 * when nothing arrives for `idleMs` (when given).
 * @throws BodyAbortedError when the connection closes or fails mid-body.
 */
export function readLimited(
  req: IncomingMessage,
  maxBytes: number,
  idleMs?: number,
): Promise<Buffer | 'too-large' | 'idle'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let idleTimer: NodeJS.Timeout | undefined;
    // A body that stops arriving would otherwise hold its memory (and its
    // upload slot) for as long as the client keeps the connection open.
    const armIdle = (): void => {
      if (idleMs === undefined) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        stop();
        resolve('idle');
      }, idleMs);
      idleTimer.unref();
    };
    const stop = (): void => {
      clearTimeout(idleTimer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      armIdle();
      size += chunk.byteLength;
      if (size > maxBytes) {
        stop();
        // Keep the request flowing so the client's writes do not stall; nothing is kept.
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error): void => {
      stop();
      reject(new BodyAbortedError(`the body could not be read: ${err.message}`));
    };
    const onClose = (): void => {
      stop();
      reject(new BodyAbortedError());
    };
    if (req.readableEnded) {
      resolve(Buffer.alloc(0));
      return;
    }
    if (req.destroyed) {
      reject(new BodyAbortedError());
      return;
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
    armIdle();
  });
}
