// Correctness of the measuring harness against a real relay process (the stock
// @y/websocket-server): every update is received by every other client, and
// the figures come from the relay's own process. No timing is asserted.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRound, type RoomState } from './fanout-round.ts';
import { startOurRelay, startPeerRelay } from './relay-process.ts';
import { applyPatch, syntheticStream } from './trace.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('fan-out round', () => {
  it('records one receipt per update and receiver, and every client converges', async () => {
    const relay = await startPeerRelay(root);
    try {
      const stream = syntheticStream(12, 3);
      const state: RoomState = {
        room: 'bench/harness',
        prefix: stream.prefix,
        next: 0,
        expected: '',
      };
      const plan = {
        clients: 4,
        warmup: 2,
        updates: 4,
        patches: stream.patches,
        timeoutMs: 20_000,
      };
      const first = await runRound(relay, state, plan);
      expect(first.latencies).toHaveLength(3 * 4);
      expect(first.latencies.every((l) => Number.isFinite(l) && l >= 0)).toBe(true);
      expect(first.rssKiB).toBeGreaterThan(0);
      // A second round reconnects to the same note and continues the stream.
      const second = await runRound(relay, state, plan);
      expect(second.latencies).toHaveLength(3 * 4);
      expect(state.next).toBe(12);
      expect(state.expected).toBe(stream.patches.reduce(applyPatch, stream.prefix));
      // One reading: two would race the relay's RSS growing between them.
      const memory = relay.memory();
      expect(memory.peakKiB).toBeGreaterThanOrEqual(memory.rssKiB);
    } finally {
      await relay.stop();
    }
    expect(existsSync(`/proc/${relay.pid}`)).toBe(false);
  });

  it('measures our relay (built out/relay/cli.js, secure: dev IdP token, own space) through the same harness', async () => {
    const relay = await startOurRelay(root);
    try {
      expect((await relay.params())['token']).toMatch(/^ey/);
      const stream = syntheticStream(6, 5);
      const state: RoomState = {
        room: `${relay.space}/harness`,
        prefix: stream.prefix,
        next: 0,
        expected: '',
      };
      const plan = {
        clients: 3,
        warmup: 1,
        updates: 5,
        patches: stream.patches,
        timeoutMs: 20_000,
      };
      const result = await runRound(relay, state, plan);
      expect(result.latencies).toHaveLength(2 * 5);
      expect(state.expected).toBe(stream.patches.reduce(applyPatch, stream.prefix));
    } finally {
      await relay.stop();
    }
  });

  it('reports a relay that exits before listening, with its output', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'commonplace-no-relay-'));
    try {
      await expect(startOurRelay(empty)).rejects.toThrow(
        /ours relay exited .* before listening[\s\S]*last output/,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
