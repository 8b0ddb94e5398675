/**
 * Test fixture, run as its own process by sqlite-group-commit.test.ts: appends
 * updates through group commit on SQLite without end, several per event-loop
 * turn, and prints `<room> <n>` on stdout once the update numbered n is
 * acknowledged (its batch committed). The test kills it with SIGKILL at some
 * instant, then checks every printed update is stored.
 * Usage: node relay/storage/test-crash-writer.ts <dataDir>
 */
import { groupCommit } from './group-commit.ts';
import { SqliteStorage } from './sqlite.ts';

const [dataDir] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: test-crash-writer.ts <dataDir>');
const storage = groupCommit(new SqliteStorage({ dataDir }));
const ROOMS = ['s/a', 's/b', 's/c'];
let next = 0;

/** The update numbered n: its number as four bytes, so the test can find it. */
function payload(n: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, n);
  return bytes;
}

function turn(): void {
  // Several appends in one turn: they share a batch, and a batch may be cut by the kill.
  for (let i = 0; i < 7; i++) {
    const n = next++;
    const room = ROOMS[n % ROOMS.length] ?? 's/a';
    void Promise.resolve(
      storage.appendUpdate(room, payload(n), { stateVector: payload(n), by: null, at: n }),
    ).then(() => {
      process.stdout.write(`${room} ${String(n)}\n`);
    });
  }
  setImmediate(turn);
}
turn();
