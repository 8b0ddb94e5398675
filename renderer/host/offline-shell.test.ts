import { describe, expect, it, vi } from 'vitest';
import { registerOfflineShell } from './offline-shell.ts';

function fakeWindow(protocol: string, register?: (url: string) => Promise<unknown>) {
  return {
    location: { protocol } as Location,
    navigator: (register === undefined
      ? {}
      : { serviceWorker: { register } }) as unknown as Navigator,
  };
}

describe('registerOfflineShell', () => {
  it('registers sw.js beside the page for the web client', async () => {
    const register = vi.fn(() => Promise.resolve({}));
    await expect(registerOfflineShell(fakeWindow('https:', register))).resolves.toBe(true);
    expect(register).toHaveBeenCalledWith('./sw.js');
  });

  it('does nothing from app:// (the desktop app) or without service workers', async () => {
    const register = vi.fn(() => Promise.resolve({}));
    await expect(registerOfflineShell(fakeWindow('app:', register))).resolves.toBe(false);
    await expect(registerOfflineShell(fakeWindow('http:'))).resolves.toBe(false);
    expect(register).not.toHaveBeenCalled();
  });

  it('says why when registration fails, and the app goes on', async () => {
    const log = vi.fn();
    const register = () => Promise.reject(new Error('SecurityError: insecure origin'));
    await expect(registerOfflineShell(fakeWindow('http:', register), log)).resolves.toBe(false);
    expect(log).toHaveBeenCalledWith('offline shell unavailable: SecurityError: insecure origin');
  });
});
