import { describe, expect, it } from 'vitest';
import { createPreloadHost, type Invoke } from './bridge.ts';

const info = {
  name: 'Commonplace',
  version: '0.1.0',
  platform: 'desktop',
  relayUrl: 'ws://127.0.0.1:4444',
};

/** Stands in for `ipcRenderer.invoke`: records calls, answers with `result`. */
function recordingInvoke(result: unknown): { invoke: Invoke; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const invoke: Invoke = (channel, ...args) => {
    calls.push([channel, ...args]);
    return Promise.resolve(result);
  };
  return { invoke, calls };
}

describe('createPreloadHost', () => {
  it('exposes named Host functions only, frozen', () => {
    const host = createPreloadHost(recordingInvoke(info).invoke);
    expect(Object.keys(host)).toEqual(['appInfo']);
    expect(Object.isFrozen(host)).toBe(true);
    expect(host).not.toHaveProperty('invoke');
    expect(host).not.toHaveProperty('ipcRenderer');
  });

  it('appInfo invokes app:info with no arguments and returns the parsed result', async () => {
    const { invoke, calls } = recordingInvoke(info);
    await expect(createPreloadHost(invoke).appInfo()).resolves.toEqual(info);
    expect(calls).toEqual([['app:info']]);
  });

  it('rejects a result that breaks the contract', async () => {
    const { invoke } = recordingInvoke({ ...info, platform: 'mainframe' });
    await expect(createPreloadHost(invoke).appInfo()).rejects.toThrow();
  });
});
