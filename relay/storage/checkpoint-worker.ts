/**
 * Worker thread that checkpoints the relay's SQLite WAL on its own
 * connection. A checkpoint copies the WAL into the database file and fsyncs
 * it, which takes milliseconds; SQLite's automatic checkpoint would do that
 * inside whichever commit crosses the threshold, stalling that update's
 * broadcast. Here it runs beside the event loop instead (WAL lets a
 * checkpointer and a writer work at once; PASSIVE never blocks the writer).
 */
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

interface CheckpointWorkerData {
  readonly file: string;
  readonly intervalMs: number;
}

const { file, intervalMs } = workerData as CheckpointWorkerData;
const db = new DatabaseSync(file);
db.exec('PRAGMA busy_timeout = 5000');

const timer = setInterval(() => {
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } catch (err) {
    parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
}, intervalMs);

parentPort?.on('message', (message: unknown) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
