import { describe, expect, it } from 'vitest';
import { passThrough } from './pass-through.ts';
import type { DocStorage } from './types.ts';

function store(withOptional: boolean): DocStorage & { calls: string[] } {
  const calls: string[] = [];
  const base = {
    calls,
    loadDoc: () => {
      calls.push('loadDoc');
      return { updates: [], seq: 0 } as unknown as ReturnType<DocStorage['loadDoc']>;
    },
    appendUpdate: () => {
      calls.push('appendUpdate');
      return 1;
    },
    setStateVector: () => {
      calls.push('setStateVector');
    },
    listMarkers: () => {
      calls.push('listMarkers');
      return [];
    },
    compact: () => {
      calls.push('compact');
    },
    close: () => {
      calls.push('close');
    },
  };
  if (!withOptional) return base;
  return {
    ...base,
    deleteSpace: () => {
      calls.push('deleteSpace');
    },
    purgeRoom: () => {
      calls.push('purgeRoom');
    },
    ping: () => {
      calls.push('ping');
    },
  };
}

describe('passThrough', () => {
  it('forwards every method, optional ones included, and lets overrides replace some', async () => {
    const inner = store(true);
    const wrapped = passThrough(inner, {
      loadDoc: () => {
        inner.calls.push('override');
        return inner.loadDoc('r');
      },
    });
    await wrapped.loadDoc('r');
    await wrapped.appendUpdate('r', new Uint8Array([1]));
    await wrapped.setStateVector('r', new Uint8Array());
    await wrapped.listMarkers('s');
    await wrapped.compact('r', 1, new Uint8Array());
    await wrapped.deleteSpace?.('s');
    await wrapped.purgeRoom?.('r', 'state');
    await wrapped.ping?.();
    await wrapped.close();
    expect(inner.calls).toEqual([
      'override',
      'loadDoc',
      'appendUpdate',
      'setStateVector',
      'listMarkers',
      'compact',
      'deleteSpace',
      'purgeRoom',
      'ping',
      'close',
    ]);
  });

  it('offers an optional method only when the wrapped store has it', () => {
    const wrapped = passThrough(store(false));
    expect('deleteSpace' in wrapped).toBe(false);
    expect('purgeRoom' in wrapped).toBe(false);
    expect('ping' in wrapped).toBe(false);
  });
});
