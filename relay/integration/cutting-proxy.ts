/**
 * A TCP proxy for tests ("the connection cut in the middle of a
 * sync"): it forwards bytes between clients and the relay and, for the first
 * connections, drops the link (both sockets destroyed, no close frame) once
 * a given number of bytes has passed in one direction.
 */
import net from 'node:net';

/** `down`: relay → client; `up`: client → relay. */
export type Direction = 'down' | 'up';

export interface Cut {
  readonly direction: Direction;
  /** Bytes forwarded in that direction before the link drops (mid-frame, typically). */
  readonly afterBytes: number;
}

export interface CuttingProxy {
  readonly port: number;
  /** Links dropped so far. */
  readonly cutsDone: number;
  /** Connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

/**
 * Starts a proxy on 127.0.0.1 (port 0) to `target`. Connection n (0-based)
 * is cut as `cuts[n]` says; later ones pass untouched.
 */
export async function startCuttingProxy(
  target: number,
  cuts: readonly Cut[],
): Promise<CuttingProxy> {
  let cutsDone = 0;
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const cut = cuts[connections];
    connections += 1;
    const upstream = net.connect(target, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    let passed = 0;
    let dropped = false;
    const forward = (from: net.Socket, to: net.Socket, direction: Direction): void => {
      from.on('data', (chunk: Buffer) => {
        if (dropped) return;
        if (cut?.direction !== direction) {
          to.write(chunk);
          return;
        }
        const room = cut.afterBytes - passed;
        passed += chunk.byteLength;
        if (room > chunk.byteLength) {
          to.write(chunk);
          return;
        }
        dropped = true;
        cutsDone += 1;
        // The first part of the chunk goes through, then the link is gone.
        to.write(chunk.subarray(0, Math.max(0, room)), () => {
          client.destroy();
          upstream.destroy();
        });
      });
      from.on('end', () => to.end());
      from.on('close', () => to.destroy());
    };
    forward(client, upstream, 'up');
    forward(upstream, client, 'down');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    get cutsDone() {
      return cutsDone;
    },
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
