/**
 * One rig for the relay's REST and access tests: a real dev IdP, real tokens
 * for the four demo people, an authenticated relay on port 0 over a fresh
 * data directory, an `api()` caller bound to it, spaces with members,
 * y-websocket clients and raw sockets, and cleanup. `useApiRig` shares one
 * IdP per test file (the code flow is slow) and closes each test's rigs
 * after it.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Role } from '../../shared/api.ts';
import type { RelayAuthOptions, RelayHandle, RelayOptions } from '../server.ts';
import {
  addMember,
  api,
  createSpace,
  startAuthRelay,
  startTestIdp,
  type ApiAnswer,
  type TestIdp,
} from './auth-helpers.ts';
import { ADA, ALAN, DEMO_PEOPLE, GRACE, KATHERINE, type DemoPerson } from './demo-people.ts';
import {
  connectClient,
  openRawSocket,
  tempDataDir,
  type RawSocket,
  type TestClient,
} from './helpers.ts';

/** Who calls: a demo person (their real token), a raw token, or nobody (no header). */
export type Caller = DemoPerson | { readonly token: string } | null;

export interface ApiRigOptions extends Omit<Partial<RelayOptions>, 'auth' | 'dataDir' | 'port'> {
  readonly auth?: Partial<RelayAuthOptions>;
  /** An IdP to share; without it the rig starts its own and `close()` stops it. */
  readonly idp?: TestIdp;
}

export interface ApiRig {
  readonly idp: TestIdp;
  /** The running relay (a new handle after `restart()`). */
  readonly relay: RelayHandle;
  readonly dataDir: string;
  /** Real access tokens from the code flow, per demo person. */
  readonly tokens: Readonly<Record<DemoPerson, string>>;
  /** One REST call to the relay; see `Caller`. */
  api(
    caller: Caller,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiAnswer>;
  /** Creates a space owned by `owner` with `members` (see `addMembers`); returns its id. */
  space(
    owner: DemoPerson,
    members?: Partial<Record<DemoPerson, Role>>,
    name?: string,
  ): Promise<string>;
  /** Gives each member their role in `spaceId` as `owner` (Ada, Grace, Katherine, Alan in turn). */
  addMembers(
    spaceId: string,
    owner: DemoPerson,
    members: Partial<Record<DemoPerson, Role>>,
  ): Promise<void>;
  /** Makes `person` known to the relay (signs in once) without any space. */
  signIn(person: DemoPerson): Promise<void>;
  /** A stock y-websocket client of `room`, destroyed by `restart()` and `close()`. */
  connect(room: string, caller: Caller): TestClient;
  /** A raw socket to the relay's `path` (query included), terminated by `restart()` and `close()`. */
  openRaw(path: string): Promise<RawSocket>;
  /** Drops the clients and sockets, closes the relay, starts it again on the same data directory. */
  restart(): Promise<RelayHandle>;
  /**
   * Drops the clients and sockets, closes the relay (again is harmless),
   * removes the data directory and stops an IdP of its own.
   */
  close(): Promise<void>;
}

/**
 * Starts an authenticated relay on port 0 over a temporary data directory,
 * verifying tokens of `options.idp` (or of an IdP of its own).
 */
export async function startApiRig(options: ApiRigOptions = {}): Promise<ApiRig> {
  const { idp: shared, ...relayOptions } = options;
  const idp = shared ?? (await startTestIdp());
  const ownIdp = shared === undefined;
  const data = tempDataDir();
  let relay: RelayHandle;
  let tokens: Record<DemoPerson, string>;
  try {
    tokens = {
      [ADA]: await idp.token(ADA),
      [GRACE]: await idp.token(GRACE),
      [KATHERINE]: await idp.token(KATHERINE),
      [ALAN]: await idp.token(ALAN),
    };
    relay = await startAuthRelay(data.dir, idp, relayOptions);
  } catch (error) {
    data.cleanup();
    if (ownIdp) await idp.close();
    throw error;
  }

  const tokenOf = (caller: Caller): string | null =>
    caller === null ? null : typeof caller === 'string' ? tokens[caller] : caller.token;
  const clients: TestClient[] = [];
  const sockets: RawSocket[] = [];
  const drop = (): void => {
    for (const socket of sockets.splice(0)) socket.socket.terminate();
    for (const client of clients.splice(0)) client.destroy();
  };

  const addMembers: ApiRig['addMembers'] = async (spaceId, owner, members) => {
    for (const person of DEMO_PEOPLE) {
      const role = members[person];
      if (role !== undefined) {
        await addMember(relay, tokens[owner], spaceId, tokens[person], person, role);
      }
    }
  };

  return {
    idp,
    get relay() {
      return relay;
    },
    dataDir: data.dir,
    tokens,
    api: (caller, method, path, body, headers) =>
      api(relay, tokenOf(caller), method, path, body, headers),
    addMembers,
    space: async (owner, members = {}, name) => {
      const spaceId = await createSpace(relay, tokens[owner], name);
      await addMembers(spaceId, owner, members);
      return spaceId;
    },
    signIn: async (person) => {
      await api(relay, tokens[person], 'GET', '/api/me');
    },
    connect: (room, caller) => {
      const token = tokenOf(caller);
      const client = connectClient(relay.wsUrl, room, token === null ? {} : { token });
      clients.push(client);
      return client;
    },
    openRaw: async (path) => {
      const socket = await openRawSocket(relay.wsUrl, path);
      sockets.push(socket);
      return socket;
    },
    restart: async () => {
      drop();
      await relay.close();
      relay = await startAuthRelay(data.dir, idp, relayOptions);
      return relay;
    },
    close: async () => {
      drop();
      try {
        await relay.close();
      } finally {
        data.cleanup();
        if (ownIdp) await idp.close();
      }
    },
  };
}

export interface ApiRigs {
  /** The file's IdP (started before the first test). */
  readonly idp: TestIdp;
  /** A rig on the file's IdP; `options` extend the defaults (`limits` and `auth` merged). */
  start(options?: ApiRigOptions): Promise<ApiRig>;
}

/**
 * Registers the hooks of a test file: one IdP for the file, tokens minted
 * once, and every rig started in a test closed after it. Call at the top of
 * the file, before the file's own `afterEach` (after-hooks run in reverse, so
 * the file's clients are gone before their relay closes).
 */
export function useApiRig(defaults: ApiRigOptions = {}): ApiRigs {
  let idp: TestIdp | undefined;
  const open: ApiRig[] = [];
  const fileIdp = (): TestIdp => {
    if (idp === undefined) throw new Error('useApiRig: the IdP starts in beforeAll');
    return idp;
  };
  beforeAll(async () => {
    idp = await startTestIdp();
    for (const person of DEMO_PEOPLE) await idp.token(person);
  });
  afterEach(async () => {
    for (const rig of open.splice(0)) await rig.close();
  });
  afterAll(async () => {
    await idp?.close();
  });
  return {
    get idp() {
      return fileIdp();
    },
    start: async (options = {}) => {
      const rig = await startApiRig({
        ...defaults,
        ...options,
        limits: { ...defaults.limits, ...options.limits },
        auth: { ...defaults.auth, ...options.auth },
        idp: fileIdp(),
      });
      open.push(rig);
      return rig;
    },
  };
}
