// Secure by default: a relay with no identity provider refuses to
// start unless told `insecureOpenAccess`, and opens nothing when it refuses.
import { afterEach, describe, expect, it } from 'vitest';
import { RelayConfigError, startRelay } from '../server.ts';
import { tempDataDir } from './helpers.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe('startRelay security defaults', () => {
  it('refuses to start without auth, an authenticator or insecureOpenAccess', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    await expect(startRelay({ port: 0, dataDir: data.dir })).rejects.toThrow(RelayConfigError);
    await expect(
      startRelay({
        port: 0,
        dataDir: data.dir,
        insecureOpenAccess: true,
        auth: { issuer: 'http://127.0.0.1:1', audience: 'x' },
      }),
    ).rejects.toThrow('cannot be combined');
    const open = await startRelay({ port: 0, dataDir: data.dir, insecureOpenAccess: true });
    expect((await fetch(`${open.httpUrl}/api/me`)).status).toBe(200);
    await open.close();
  });

  it('refuses a CORS origin that is not an http(s) origin', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    await expect(
      startRelay({ port: 0, dataDir: data.dir, insecureOpenAccess: true, corsOrigins: ['*'] }),
    ).rejects.toThrow('CORS origin');
  });
});
