// The Hocuspocus peer of the load benchmark, as its documentation sets it
// up: @hocuspocus/server with @hocuspocus/extension-database, persisting to
// one SQLite file through node:sqlite (no native addon). Usage:
// node bench/lib/hocuspocus-main.ts <sqlite file>; prints one JSON line
// {"msg":"listening","port":N} once it accepts connections.
import { DatabaseSync } from 'node:sqlite';
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: hocuspocus-main.ts <sqlite file>');
const db = new DatabaseSync(file);
db.exec('PRAGMA journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL)');
const select = db.prepare('SELECT data FROM documents WHERE name = ?');
const upsert = db.prepare(
  'INSERT INTO documents (name, data) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
);

const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  // Its default closes a connection after 60 s without a message from it;
  // the bench's lean clients send no awareness heartbeats, so the ramp's
  // quiet clients would be cut off mid-run.
  timeout: 60 * 60 * 1000,
  extensions: [
    new Database({
      fetch: ({ documentName }) => {
        const row = select.get(documentName) as { data: Uint8Array } | undefined;
        return Promise.resolve(row === undefined ? null : new Uint8Array(row.data));
      },
      store: ({ documentName, state }) => {
        upsert.run(documentName, state);
        return Promise.resolve();
      },
    }),
  ],
});

await server.listen();
console.log(JSON.stringify({ msg: 'listening', port: server.address.port }));
