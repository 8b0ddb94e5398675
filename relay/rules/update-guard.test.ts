import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { silentLogger } from '../log.ts';
import { craftedUpdates } from './crafted-updates.ts';
import { UpdateGuard } from './update-guard.ts';

let guard: UpdateGuard | null = null;

afterEach(async () => {
  await guard?.close();
  guard = null;
});

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('UpdateGuard', () => {
  it('passes an update that applies within its limits, and reports one that does not decode', async () => {
    guard = new UpdateGuard({ timeoutMs: 30_000, memoryMb: 64, log: silentLogger });
    const state = textUpdate('state');
    expect(await guard.check(state, textUpdate('more'))).toEqual({ ok: true });
    const broken = textUpdate('broken').subarray(0, 8);
    expect(await guard.check(state, broken)).toMatchObject({ ok: false, why: 'invalid' });
    // The same worker goes on serving.
    expect(await guard.check(state, textUpdate('again'))).toEqual({ ok: true });
  });

  it('cuts off an update that outgrows the worker’s heap, and serves the next one', async () => {
    guard = new UpdateGuard({ timeoutMs: 60_000, memoryMb: 32, log: silentLogger });
    const { nest, touchAll } = craftedUpdates();
    const verdict = await guard.check(nest, touchAll);
    expect(verdict).toMatchObject({ ok: false, why: 'limit' });
    expect(await guard.check(textUpdate('small'), textUpdate('ok'))).toEqual({ ok: true });
  });
});
