// What the bench reads off a running node besides its process: the event
// loop's delay from its /metrics, and the size of its SQLite write-ahead logs.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** p99 of the node's event-loop delay since the previous scrape (ms); a scrape also restarts it. */
export async function eventLoopDelayP99Ms(adminUrl: string): Promise<number> {
  const text = await (await fetch(`${adminUrl}/metrics`)).text();
  const match = /^relay_event_loop_delay_seconds\{quantile="0\.99"\} (\S+)$/m.exec(text);
  return match?.[1] === undefined ? Number.NaN : Number(match[1]) * 1000;
}

/** Bytes of every `*-wal` file in the directories (a checkpoint may remove one mid-read). */
export function walBytes(dirs: readonly string[]): number {
  let total = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('-wal')) continue;
      try {
        total += statSync(path.join(dir, name)).size;
      } catch {
        // Removed between the listing and the stat: it holds nothing now.
      }
    }
  }
  return total;
}

/** Samples `read` every `everyMs` until stopped; returns the largest value seen. */
export function peakSampler(read: () => number, everyMs: number): { stop(): number } {
  let peak = read();
  const timer = setInterval(() => {
    peak = Math.max(peak, read());
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, read());
    },
  };
}
