// Starts bench/lib/hocuspocus-main.ts as a relay process beside ours and the
// stock relay, with a fresh SQLite file that is removed on stop.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { listeningRecord, startRelay, type RelayProcess } from './relay-process.ts';

export async function startHocuspocusRelay(root: string): Promise<RelayProcess> {
  const data = await mkdtemp(path.join(os.tmpdir(), 'commonplace-bench-hocuspocus-'));
  return startRelay({
    name: 'hocuspocus',
    args: [path.join(root, 'bench', 'lib', 'hocuspocus-main.ts'), path.join(data, 'docs.sqlite')],
    env: process.env,
    cwd: root,
    ready: (line) => {
      const record = listeningRecord(line);
      if (record === undefined) return undefined;
      const port = record['port'];
      if (typeof port !== 'number') return undefined;
      return { url: `ws://127.0.0.1:${String(port)}` };
    },
    cleanup: async () => {
      await rm(data, { recursive: true, force: true });
    },
  });
}
