/**
 * Any relay node may die at any moment. Two nodes run as real processes over
 * one PostgreSQL and one Redis; clients rotating through both URLs edit one
 * note. A node is killed with SIGKILL right after it broadcast an update,
 * several times, alternating nodes: every update any client received must be
 * in PostgreSQL at that instant (persist before broadcast), the dead node's
 * clients move to the survivor, and all clients converge on what is stored.
 * A SIGTERM'd node drains instead: its clients move on, it exits 0, and
 * nothing is lost. Set FAILOVER_SEED to replay a run.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SpaceSchema } from '../../shared/api.ts';
import { startDevIdp, type DevIdp } from '../../idp/dev-idp.ts';
import { obtainTokens } from '../../idp/testing.ts';
import {
  freePort,
  postgresUnavailable,
  startTestPostgres,
  type TestPostgres,
} from '../db/test-postgres.ts';
import { redisUnavailable, startTestRedis, type TestRedis } from '../fanout/test-redis.ts';
import {
  failoverClient,
  missingFrom,
  relayNode,
  seededRandom,
  storedDoc,
  type FailoverClient,
  type RelayNode,
} from './failover-rig.ts';
import { tempDataDir } from './helpers.ts';

const missing = postgresUnavailable() ?? redisUnavailable();
const suite = missing === null ? describe : describe.skip;
const title = (name: string): string => (missing === null ? name : `${name} (skipped: ${missing})`);

const KILLS = 6;
const CLIENTS = 4;
const SLOW = { timeout: 30_000 };

suite(title('relay nodes failing under clients'), () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let idp: DevIdp;
  let token: string;
  const children: ChildProcess[] = [];
  const clients: FailoverClient[] = [];
  const cleanups: (() => void)[] = [];
  beforeAll(async () => {
    [postgres, redis, idp] = await Promise.all([
      startTestPostgres(),
      startTestRedis(),
      startDevIdp({ port: 0 }),
    ]);
    token = (await obtainTokens(idp.issuer, 'emp-1001')).accessToken;
  }, 60_000);
  afterAll(async () => {
    await idp.close();
    await redis.stop();
    await postgres.stop();
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  /** Two nodes on a fresh database, and a note in a space created through the first. */
  async function cluster(): Promise<{ nodes: [RelayNode, RelayNode]; room: string; db: string }> {
    const db = await postgres.createDatabase();
    const make = async (name: string): Promise<RelayNode> => {
      const data = tempDataDir();
      cleanups.push(data.cleanup);
      const common = { issuer: idp.issuer, audience: idp.audience, redisUrl: redis.url };
      const port = await freePort();
      return relayNode({ name, port, dataDir: data.dir, databaseUrl: db, ...common }, children);
    };
    const nodes: [RelayNode, RelayNode] = [await make('A'), await make('B')];
    await Promise.all(nodes.map((node) => node.start()));
    const created = await fetch(`${nodes[0].httpUrl}/api/spaces`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Failover' }),
    });
    expect(created.status).toBe(201);
    const space = SpaceSchema.parse(await created.json());
    return { nodes, room: `${space.id}/failover`, db };
  }

  function connectAll(nodes: readonly RelayNode[], room: string, random: () => number) {
    const control = { hold: false };
    for (let i = 0; i < CLIENTS; i++) {
      const client = failoverClient({
        name: `client-${String(i)}`,
        urls: nodes.map((node) => node.wsUrl),
        start: i,
        room,
        token,
        random,
        hold: () => control.hold,
      });
      clients.push(client);
    }
    return control;
  }

  /** Typing and deleting at random, from random clients, until stopped. */
  function typeAtRandom(random: () => number): () => void {
    const timer = setInterval(() => {
      const client = clients[Math.floor(random() * clients.length)];
      if (client === undefined) return;
      const { text } = client;
      const at = Math.floor(random() * (text.length + 1));
      if (random() < 0.1 && text.length > 2) text.delete(Math.min(at, text.length - 2), 2);
      else text.insert(at, String.fromCharCode(97 + Math.floor(random() * 26)).repeat(3));
    }, 10);
    return () => {
      clearInterval(timer);
    };
  }

  /** Every update each client received so far is in PostgreSQL. */
  async function expectReceivedStored(db: string, room: string): Promise<void> {
    const received = clients.map((c) => c.received.slice());
    const stored = await storedDoc(db, room);
    received.forEach((updates, i) => {
      expect(missingFrom(stored, updates), `${clients[i]?.name ?? ''} received`).toEqual([]);
    });
    stored.destroy();
  }

  /** Every client connected and synced, all with one state, which is exactly what is stored. */
  async function expectConverged(db: string, room: string): Promise<void> {
    const states = (): string[] =>
      clients.map((c) =>
        c.ready() ? Buffer.from(Y.encodeStateVector(c.doc)).toString('hex') : '',
      );
    await expect.poll(() => new Set(states()).size === 1 && states()[0] !== '', SLOW).toBe(true);
    const text = clients[0]?.text.toJSON();
    for (const c of clients) expect(c.text.toJSON(), c.name).toBe(text);
    await expect
      .poll(async () => {
        const stored = await storedDoc(db, room);
        const same = stored.getText('body').toJSON() === text;
        stored.destroy();
        return same;
      }, SLOW)
      .toBe(true);
    await expectReceivedStored(db, room);
    const stored = await storedDoc(db, room);
    for (const c of clients) {
      expect(missingFrom(stored, [Y.encodeStateAsUpdate(c.doc)]), c.name).toEqual([]);
    }
    stored.destroy();
  }

  it(`loses nothing when a node is killed (SIGKILL) right after a broadcast, ${String(KILLS)} times`, async () => {
    const seed = Number(process.env.FAILOVER_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.info(`node-failure seed ${String(seed)} (FAILOVER_SEED=${String(seed)} replays it)`);
    const random = seededRandom(seed);
    const { nodes, room, db } = await cluster();
    const control = connectAll(nodes, room, random);
    await expect.poll(() => clients.every((c) => c.ready()), SLOW).toBe(true);
    const stopTyping = typeAtRandom(random);
    try {
      for (let round = 0; round < KILLS; round++) {
        const victim = nodes[round % 2] ?? nodes[0];
        const on = (node: RelayNode) => clients.filter((c) => c.connectedTo() === node.wsUrl);
        // Clients on both nodes, so the victim broadcasts updates from both its own and Redis.
        await expect
          .poll(() => clients.every((c) => c.ready()) && nodes.every((n) => on(n).length > 0), SLOW)
          .toBe(true);
        const killed = new Promise<void>((resolve) => {
          const listeners = on(victim).map((client) => {
            const listener = (_update: Uint8Array, origin: unknown): void => {
              if (origin !== client.provider || client.connectedTo() !== victim.wsUrl) return;
              control.hold = true; // no reconnect until the stored state is checked
              victim.child?.kill('SIGKILL');
              for (const [c, l] of listeners) c.doc.off('update', l);
              resolve();
            };
            client.doc.on('update', listener);
            return [client, listener] as const;
          });
        });
        await killed;
        expect(await victim.stop('SIGKILL')).toBeNull();
        await expectReceivedStored(db, room);
        control.hold = false;
        await victim.start();
        // Every client is on the survivor now: send half of them back.
        await expect.poll(() => clients.every((c) => c.ready()), SLOW).toBe(true);
        clients
          .filter((_, i) => i % 2 === round % 2)
          .forEach((c) => {
            c.switchNode();
          });
      }
    } finally {
      stopTyping();
    }
    await expectConverged(db, room);
    expect(clients[0]?.text.length).toBeGreaterThan(0);
  }, 180_000);

  it('drains a node on SIGTERM: exit 0, its clients move on, nothing lost', async () => {
    const random = seededRandom(1);
    const { nodes, room, db } = await cluster();
    const [victim, survivor] = nodes;
    connectAll(nodes, room, random);
    await expect.poll(() => clients.every((c) => c.ready()), SLOW).toBe(true);
    const stopTyping = typeAtRandom(random);
    try {
      // Edits flowing through both nodes, then the victim is asked to stop.
      await expect.poll(() => clients.every((c) => c.received.length > 5), SLOW).toBe(true);
      expect(await victim.stop('SIGTERM')).toBe(0);
      await expectReceivedStored(db, room);
      await expect
        .poll(() => clients.every((c) => c.ready() && c.connectedTo() === survivor.wsUrl), SLOW)
        .toBe(true);
    } finally {
      stopTyping();
    }
    const messages = victim.lines.map((line) => line['msg']);
    expect(messages).toContain('relay stopped');
    // Every socket closed within the grace period (10 s) rather than being dropped.
    expect(messages).not.toContain('close handshake timed out; dropping sockets');
    expect(messages).toContain('shutting down');
    await expectConverged(db, room);
  }, 120_000);
});
