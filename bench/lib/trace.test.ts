import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyPatch,
  DEFAULT_TRACE,
  readTrace,
  replay,
  resolveTracePath,
  syntheticStream,
  traceStream,
  type Trace,
} from './trace.ts';

// A tiny trace in the automerge-paper format: type "helo", fix it to
// "hello", replace the word in one transaction of two patches.
const tiny: Trace = {
  startContent: '',
  endContent: 'Hello, world',
  txns: [
    { time: '2021-04-19T06:06:58.219Z', patches: [[0, 0, 'h']] },
    { time: '2021-04-19T06:06:58.300Z', patches: [[1, 0, 'elo']] },
    { time: '2021-04-19T06:06:58.400Z', patches: [[3, 0, 'l']] },
    {
      time: '2021-04-19T06:06:59.000Z',
      patches: [
        [0, 1, 'H'],
        [5, 0, ', world'],
      ],
    },
  ],
};

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'commonplace-trace-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('trace replay', () => {
  it('replaying every patch of a gzipped trace yields endContent', async () => {
    const file = path.join(dir, 'tiny.json.gz');
    await writeFile(file, gzipSync(JSON.stringify(tiny)));
    const trace = await readTrace(file);
    expect(replay(trace)).toBe(trace.endContent);
    expect(replay(trace, 3)).toBe('hello');
  });

  it('gives a stream whose patches, applied to its prefix, continue the trace', () => {
    const stream = traceStream(tiny, 3, 2);
    expect(stream.prefix).toBe('hello');
    expect(stream.patches.reduce(applyPatch, stream.prefix)).toBe('Hello, world');
    expect(() => traceStream(tiny, 3, 3)).toThrow(/only 2 patches/);
  });

  it('refuses a patch that reaches past the end of the text', () => {
    expect(() => applyPatch('abc', [2, 2, ''])).toThrow(/past the end/);
  });

  it('names the file when it is not gzip or not a trace', async () => {
    const notGzip = path.join(dir, 'plain.json');
    await writeFile(notGzip, '{}');
    await expect(readTrace(notGzip)).rejects.toThrow(/plain\.json is not a gzipped JSON trace/);
    const wrong = path.join(dir, 'wrong.json.gz');
    await writeFile(wrong, gzipSync(JSON.stringify({ txns: [{ patches: [[-1, 0, 'x']] }] })));
    await expect(readTrace(wrong)).rejects.toThrow(
      /wrong\.json\.gz does not have the trace format/,
    );
  });

  it('takes the path from the flag, then the environment, then the default', () => {
    expect(resolveTracePath('a.gz', { COMMONPLACE_TRACE: 'b.gz' })).toBe('a.gz');
    expect(resolveTracePath(undefined, { COMMONPLACE_TRACE: 'b.gz' })).toBe('b.gz');
    expect(resolveTracePath(undefined, {})).toBe('../shared/data/automerge-paper.json.gz');
  });

  it('makes a reproducible synthetic stream whose patches all apply', () => {
    const a = syntheticStream(500, 7);
    expect(syntheticStream(500, 7)).toEqual(a);
    expect(a.patches).toHaveLength(500);
    expect(() => a.patches.reduce(applyPatch, a.prefix)).not.toThrow();
  });

  // The real trace's own check (../shared/data/README.md); it is not part of
  // the project, so machines without it skip this one.
  const realTrace = path.resolve(import.meta.dirname, '..', '..', DEFAULT_TRACE);
  const haveTrace = existsSync(realTrace);
  it.skipIf(!haveTrace)(
    haveTrace
      ? 'replays the automerge-paper trace to its endContent'
      : `replays the automerge-paper trace (skipped: ${realTrace} is absent)`,
    async () => {
      const trace = await readTrace(realTrace);
      expect(trace.txns).toHaveLength(259_778);
      expect(replay(trace)).toBe(trace.endContent);
    },
  );
});
