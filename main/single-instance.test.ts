import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './single-instance.ts';
import { FakeApp } from './testing/fake-electron.ts';

describe('claimSingleInstance', () => {
  it('keeps the first instance and forwards a second launch to it', () => {
    const app = new FakeApp();
    const onSecond = vi.fn();
    expect(claimSingleInstance(app, onSecond)).toBe(true);
    expect(app.quitCalls).toBe(0);
    app.emit('second-instance', ['/opt/commonplace', 'commonplace://note/a/b']);
    expect(onSecond).toHaveBeenCalledWith(['/opt/commonplace', 'commonplace://note/a/b']);
  });

  it('quits a second instance at once', () => {
    const app = new FakeApp();
    app.hasLock = false;
    const onSecond = vi.fn();
    expect(claimSingleInstance(app, onSecond)).toBe(false);
    expect(app.quitCalls).toBe(1);
    expect(app.listeners.has('second-instance')).toBe(false);
  });
});
