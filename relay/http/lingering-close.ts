/**
 * Closing a connection whose request body was left unread (413, 503, a
 * refusal before an upload is read) without losing the answer.
 *
 * RFC 9112 §9.6: a server that closes at once while the client is still
 * sending risks a TCP reset that discards its last response before the
 * client reads it (a client that reads only after sending gets EPIPE and
 * never sees the 413). So: answer with `connection: close`, keep reading
 * and discarding what the client still sends, half-close after the answer,
 * and destroy the socket when the client closes its side or after
 * `lingerMs`, whichever comes first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Longest time a connection lingers after its answer (Apache lingers ~2 s per read, 30 s at most). */
export const DEFAULT_LINGER_MS = 5_000;

/**
 * Arranges the lingering close of `req`'s connection; call it before writing
 * the answer, which must carry `connection: close`.
 */
export function closeAfterAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  lingerMs = DEFAULT_LINGER_MS,
): void {
  const socket = req.socket;
  // Whatever still arrives is parsed as the rest of this body and dropped.
  req.resume();
  res.once('finish', () => {
    if (socket.destroyed) return;
    // With `connection: close` Node half-closes after the answer and then
    // destroys the socket as soon as that FIN is written (net.Socket's
    // destroySoon). Take that last step over: unread bytes in flight would
    // otherwise be answered with a reset.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- compared with Node's listener, never called unbound
    socket.removeListener('finish', socket.destroy);
    if (!socket.writableEnded) socket.end();
    const timer = setTimeout(() => {
      socket.destroy();
    }, lingerMs);
    timer.unref();
    socket.once('close', () => {
      clearTimeout(timer);
    });
    socket.once('end', () => {
      socket.destroy();
    });
  });
}
