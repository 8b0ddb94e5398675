import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import { READ_ONLY_REASON } from '../../shared/api.ts';
import { CloseCode, MessageType } from '../../shared/wire.ts';
import { createAppStore, selectCanEdit, selectReadOnlyReason, selectRoom } from '../store/index.ts';
import { createDocRegistry, noteBody, type DocRegistry } from './index.ts';

/**
 * A scripted stand-in for the relay's end of the socket (no relay can run in
 * the DOM test environment): it records each connection's URL, and the test
 * opens or closes it with the relay's close codes.
 */
class ScriptedSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static sockets: ScriptedSocket[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'arraybuffer';
  readonly sent: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onerror: (() => void) | null = null;
  readonly url: string;
  readonly protocols: readonly string[];
  constructor(url: string, protocols?: string | string[]) {
    this.url = url;
    this.protocols = protocols === undefined ? [] : [protocols].flat();
    ScriptedSocket.sockets.push(this);
  }
  send(data: Uint8Array): void {
    this.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(data: Uint8Array): void {
    this.onmessage?.({ data: data.slice().buffer });
  }
  closeWith(code: number, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

const room = { spaceId: 'team', docId: 'welcome' };
let registry: DocRegistry | null = null;

afterEach(() => {
  registry?.destroy();
  registry = null;
  ScriptedSocket.sockets = [];
});

function setup(tokens: (string | null)[]) {
  const store = createAppStore();
  const accessToken = vi.fn((_options?: { forceRefresh?: boolean }) => {
    const token = tokens.shift() ?? null;
    return Promise.resolve(
      token === null ? null : { accessToken: token, expiresAt: Date.now() + 60_000 },
    );
  });
  registry = createDocRegistry({
    relayUrl: 'ws://relay.test',
    store,
    user: { name: 'Ada', color: '#e5484d' },
    credentials: { accessToken },
    WebSocketPolyfill: ScriptedSocket as unknown as typeof WebSocket,
  });
  return { store, registry, accessToken };
}

/** The token a socket offered in its `Sec-WebSocket-Protocol` header. */
const tokenOf = (socket: ScriptedSocket | undefined): string | null => {
  const carried = socket?.protocols.find((p) => p.startsWith('commonplace.bearer.'));
  return carried === undefined ? null : carried.slice('commonplace.bearer.'.length);
};

describe('relay connections carry the access token', () => {
  it('connects with a token, and on 4401 refreshes it and reconnects keeping the edit', async () => {
    const { store, registry, accessToken } = setup(['first', 'second']);
    const handle = registry.open(room);
    await vi.waitFor(() => {
      expect(ScriptedSocket.sockets).toHaveLength(1);
    });
    expect(tokenOf(ScriptedSocket.sockets[0])).toBe('first');
    // The token travels in a header, never in the URL (consoles and proxy logs show URLs).
    expect(ScriptedSocket.sockets[0]?.protocols).toContain('commonplace.v1');
    expect(ScriptedSocket.sockets[0]?.url).toMatch(/^ws:\/\/relay\.test\/team\/welcome$/);

    // An edit made locally, then the relay says the token has expired.
    noteBody(handle.doc).insert(0, [new Y.XmlElement('paragraph')]);
    ScriptedSocket.sockets[0]?.open();
    ScriptedSocket.sockets[0]?.closeWith(CloseCode.Unauthorized, 'token expired');
    await vi.waitFor(() => {
      expect(ScriptedSocket.sockets).toHaveLength(2);
    });
    expect(accessToken).toHaveBeenLastCalledWith({ forceRefresh: true });
    expect(tokenOf(ScriptedSocket.sockets[1])).toBe('second');
    // Same doc, edit still there; the new socket offers it with sync step 1 on open.
    expect(registry.open(room)).toBe(handle);
    expect(noteBody(handle.doc).length).toBe(1);
    ScriptedSocket.sockets[1]?.open();
    expect(ScriptedSocket.sockets[1]?.sent.length).toBeGreaterThan(0);
    expect(selectRoom(handle.key)(store.getState()).closed).toBeNull();
  });

  it('gives up after repeated 4401s and says the person is not signed in', async () => {
    const { store, registry } = setup(['a', 'b', 'c', 'd']);
    const handle = registry.open(room);
    for (let i = 0; i < 3; i += 1) {
      await vi.waitFor(() => {
        expect(ScriptedSocket.sockets).toHaveLength(i + 1);
      });
      ScriptedSocket.sockets[i]?.closeWith(CloseCode.Unauthorized);
    }
    await vi.waitFor(() => {
      expect(selectRoom(handle.key)(store.getState()).closed).toEqual({ code: 4401, reason: '' });
    });
    expect(ScriptedSocket.sockets).toHaveLength(3);
  });

  it('does not connect at all without a token', async () => {
    const { store, registry } = setup([null]);
    const handle = registry.open(room);
    await vi.waitFor(() => {
      expect(selectRoom(handle.key)(store.getState()).closed).toEqual({
        code: 4401,
        reason: 'not signed in',
      });
    });
    expect(ScriptedSocket.sockets).toHaveLength(0);
  });

  it('stops on 4403 and shows the reason', async () => {
    const { store, registry } = setup(['t']);
    const handle = registry.open(room);
    await vi.waitFor(() => {
      expect(ScriptedSocket.sockets).toHaveLength(1);
    });
    ScriptedSocket.sockets[0]?.closeWith(CloseCode.Forbidden, 'not a member of this space');
    expect(selectRoom(handle.key)(store.getState()).closed).toEqual({
      code: 4403,
      reason: 'not a member of this space',
    });
    expect(selectCanEdit(handle.key)(store.getState())).toBe(false);
  });

  it('turns the relay’s permission-denied message into a read-only reason', async () => {
    const { store, registry } = setup(['t']);
    const handle = registry.open(room);
    await vi.waitFor(() => {
      expect(ScriptedSocket.sockets).toHaveLength(1);
    });
    const socket = ScriptedSocket.sockets[0];
    socket?.open();
    handle.provider.synced = true;
    expect(selectCanEdit(handle.key)(store.getState())).toBe(true);
    const warn = vi.spyOn(console, 'warn');
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Auth);
    authProtocol.writePermissionDenied(encoder, READ_ONLY_REASON);
    socket?.receive(encoding.toUint8Array(encoder));
    expect(selectReadOnlyReason(handle.key)(store.getState())).toMatch(
      /Read-only: you are a viewer/,
    );
    expect(selectCanEdit(handle.key)(store.getState())).toBe(false);
    // y-websocket's own handler would have logged the URL, token included.
    expect(warn).not.toHaveBeenCalled();
  });
});
