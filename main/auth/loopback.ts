import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BROWSER_PAGE_HEADERS, renderBrowserPage } from './browser-pages.ts';

/** Why the loopback wait ended without a usable redirect. */
export class LoopbackError extends Error {
  readonly kind: 'timeout' | 'closed';
  constructor(kind: LoopbackError['kind'], message: string) {
    super(message);
    this.name = 'LoopbackError';
    this.kind = kind;
  }
}

export interface LoopbackCallback {
  /** The full redirect URL (code, state, iss or error), for openid-client to validate. */
  readonly url: URL;
  /** Answers the waiting browser tab and closes the listener. */
  respond(ok: boolean, message: string): void;
}

export interface LoopbackListener {
  /** `http://127.0.0.1:<ephemeral port>/callback`. */
  readonly redirectUri: string;
  /**
   * Resolves on the first redirect whose state matches; rejects on timeout or
   * close. A request with any other state never settles it.
   */
  readonly callback: Promise<LoopbackCallback>;
  /** Whether the socket is still open (for tests and diagnostics). */
  isListening(): boolean;
  close(): void;
}

/**
 * Listens for the authorization redirect on the loopback interface, on a port
 * the OS picks: "Loopback redirect URIs use the http scheme and are
 * constructed with the loopback IP literal and whatever port the client is
 * listening on" (RFC 8252 §7.3). `127.0.0.1`, not `localhost`, per §8.3.
 * The listener lives only until the callback is answered or `timeoutMs` passes.
 */
export async function startLoopbackListener(options: {
  readonly expectedState: string;
  readonly timeoutMs: number;
  readonly path?: string;
}): Promise<LoopbackListener> {
  const path = options.path ?? '/callback';
  let resolveCallback: (value: LoopbackCallback) => void = () => undefined;
  let rejectCallback: (error: LoopbackError) => void = () => undefined;
  const callback = new Promise<LoopbackCallback>((resolve, reject) => {
    resolveCallback = resolve;
    rejectCallback = reject;
  });
  // Callers may close before awaiting; never leave an unhandled rejection.
  callback.catch(() => undefined);

  let settled = false;
  const answer = (res: ServerResponse, status: number, ok: boolean, message: string): void => {
    // `connection: close`: no keep-alive socket may outlive the listener.
    res
      .writeHead(status, { ...BROWSER_PAGE_HEADERS, connection: 'close' })
      .end(renderBrowserPage(ok, message));
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== path || settled) {
      res.writeHead(404, { 'content-type': 'text/plain', connection: 'close' }).end('not found');
      return;
    }
    // Any local process can reach this port. A request without our state was
    // not sent by the IdP for this sign-in, so it is answered and otherwise
    // ignored: letting it end the wait would let a stranger abort the person's
    // sign-in with one request. The real redirect may still arrive until the
    // sign-in's own timeout.
    if (url.searchParams.get('state') !== options.expectedState) {
      answer(
        res,
        400,
        false,
        'This sign-in response does not belong to the sign-in Commonplace started. Please try again from the app.',
      );
      return;
    }
    settled = true;
    const fullUrl = new URL(`http://127.0.0.1:${String(port)}${req.url ?? '/'}`);
    resolveCallback({
      url: fullUrl,
      respond: (ok, message) => {
        answer(res, ok ? 200 : 400, ok, message);
        close();
      },
    });
  });

  const timer = setTimeout(() => {
    if (!settled) {
      settled = true;
      rejectCallback(new LoopbackError('timeout', 'no sign-in response arrived in time'));
    }
    close();
  }, options.timeoutMs);
  timer.unref();

  function close(): void {
    clearTimeout(timer);
    if (!settled) {
      settled = true;
      rejectCallback(new LoopbackError('closed', 'sign-in was cancelled'));
    }
    if (server.listening) {
      server.close();
      // Let a response already written reach the browser, then drop idle sockets.
      server.closeIdleConnections();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    redirectUri: `http://127.0.0.1:${String(port)}${path}`,
    callback,
    isListening: () => server.listening,
    close,
  };
}
