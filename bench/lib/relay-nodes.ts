// Our relay as a deployment of one or more nodes: each node a built relay
// (out/relay/cli.js) in its own process, all trusting one development IdP,
// sharing a PostgreSQL database and a Redis server when given. The first
// node signs the bench in and creates the space; the others serve it from
// the shared database, as nodes behind a load balancer do.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startDevIdp } from '../../idp/dev-idp.ts';
import { processMemory } from './machine.ts';
import { cpuMs } from './proc-stat.ts';
import { buildOurRelay, listeningRecord, startRelay, type RelayProcess } from './relay-process.ts';

export interface NodeSet {
  /** Label in tables, e.g. "postgres + redis ×2". */
  readonly name: string;
  readonly nodes: readonly RelayProcess[];
  /** http:// URL of each node's operators' port (/metrics). */
  readonly adminUrls: readonly string[];
  /** Each node's data directory (SQLite files and their WAL). */
  readonly dataDirs: readonly string[];
  /** The space every room is in (`<space>/<doc>`). */
  readonly space: string;
  params(): Promise<Record<string, string>>;
  /** CPU time of every node together (ms). */
  cpuMs(): number;
  /** RSS of every node together (KiB). */
  rssKiB(): number;
  stop(): Promise<void>;
}

export interface NodeSetOptions {
  readonly name: string;
  readonly count: number;
  /** `postgres://…`; SQLite in each node's data directory without it. */
  readonly databaseUrl?: string;
  readonly redisUrl?: string;
  readonly extraArgs?: readonly string[];
}

/** Starts `count` nodes one after the other (the first runs the migrations alone). */
export async function startOurNodes(root: string, options: NodeSetOptions): Promise<NodeSet> {
  const cli = await buildOurRelay(root);
  const idp = await startDevIdp({ port: 0 });
  const dirs: string[] = [];
  const nodes: RelayProcess[] = [];
  const adminUrls: string[] = [];
  const cleanup = async (): Promise<void> => {
    await Promise.all(nodes.map((node) => node.stop()));
    await idp.close();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  };
  try {
    for (let i = 0; i < options.count; i++) {
      const data = await mkdtemp(path.join(os.tmpdir(), 'commonplace-bench-node-'));
      dirs.push(data);
      const args = [cli, '--port', '0', '--admin-port', '0', '--data', data];
      args.push('--issuer', idp.issuer);
      args.push('--audience', idp.audience, ...(options.extraArgs ?? []));
      if (options.databaseUrl !== undefined) args.push('--database', options.databaseUrl);
      if (options.redisUrl !== undefined) args.push('--redis', options.redisUrl);
      nodes.push(
        await startRelay({
          name: `${options.name} node ${String(i + 1)}`,
          args,
          env: process.env,
          cwd: root,
          // Only the first node reports the issuer, so only it signs in and
          // creates the bench space; the others must find it in the database.
          ready: (line) => {
            const record = listeningRecord(line);
            const url = record?.['url'];
            const admin = record?.['admin'];
            if (typeof url !== 'string' || typeof admin !== 'string') return undefined;
            adminUrls[i] = admin;
            const ws = url.replace(/^http/, 'ws');
            return i === 0 ? { url: ws, issuer: idp.issuer } : { url: ws };
          },
        }),
      );
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  const first = nodes[0];
  if (first === undefined) throw new Error('a node set needs at least one node');
  return {
    name: options.name,
    nodes,
    adminUrls,
    dataDirs: dirs,
    space: first.space,
    params: () => first.params(),
    cpuMs: () => nodes.reduce((sum, node) => sum + cpuMs(node.pid), 0),
    rssKiB: () => nodes.reduce((sum, node) => sum + processMemory(node.pid).rssKiB, 0),
    stop: cleanup,
  };
}
