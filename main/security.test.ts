import { describe, expect, it } from 'vitest';
import { ALLOWED_PERMISSIONS, APP_ORIGIN, EXTERNAL_LINK_HOSTS } from './config.ts';
import {
  applySecurity,
  contentSecurityPolicy,
  isAllowedExternalUrl,
  openExternalSafely,
} from './security.ts';
import { FakeApp, FakeSession, FakeShell } from './testing/fake-electron.ts';

function setup() {
  const app = new FakeApp();
  const session = new FakeSession();
  const shell = new FakeShell();
  const logs: string[] = [];
  applySecurity(app, session, shell, {
    trustedOrigins: new Set([APP_ORIGIN]),
    externalHosts: EXTERNAL_LINK_HOSTS,
    allowedPermissions: ALLOWED_PERMISSIONS,
    log: (m) => logs.push(m),
  });
  return { app, session, shell, logs, contents: app.createWebContents() };
}

describe('navigation (checklist #13)', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'cancels %s to another origin',
    (name) => {
      const { contents } = setup();
      expect(contents.emit(name, 'https://evil.example/phish').defaultPrevented).toBe(true);
      expect(contents.emit(name, 'file:///etc/passwd').defaultPrevented).toBe(true);
      expect(contents.emit(name, 'app://commonplace.evil/').defaultPrevented).toBe(true);
    },
  );

  it('never lets a file dropped onto the window navigate it (an .ics drop)', () => {
    // Chromium turns a drop nobody handled into a navigation to the file's
    // file: URL; the renderer cancels such drops, and this is the backstop.
    const { contents } = setup();
    for (const url of [
      'file:///home/ada/Downloads/invite.ics',
      'file:///C:/Users/Ada/Downloads/Weekly%20sync.ics',
      'file://server/share/invite.ics',
    ]) {
      expect(contents.emit('will-navigate', url).defaultPrevented).toBe(true);
    }
  });

  it('lets the app move within its own origin', () => {
    const { contents } = setup();
    expect(contents.emit('will-navigate', `${APP_ORIGIN}/index.html`).defaultPrevented).toBe(false);
  });

  it('blocks <webview> attachment (checklist #12)', () => {
    const { contents } = setup();
    expect(contents.emit('will-attach-webview').defaultPrevented).toBe(true);
  });

  it('logs blocked navigations without their query string', () => {
    const { contents, logs } = setup();
    contents.emit('will-navigate', 'https://evil.example/cb?token=secret');
    expect(logs.join('\n')).toContain('https://evil.example/cb');
    expect(logs.join('\n')).not.toContain('secret');
  });
});

describe('new windows (checklist #14, #15)', () => {
  it('denies every window.open', () => {
    const { contents, shell } = setup();
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.openWindow('app://commonplace/index.html')).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual([]);
  });

  it('hands an allow-listed https link to the system browser, and only that', () => {
    const { contents, shell } = setup();
    expect(contents.openWindow('https://github.com/commonplace')).toEqual({ action: 'deny' });
    contents.openWindow('http://github.com/commonplace');
    contents.openWindow('file:///etc/passwd');
    expect(shell.opened).toEqual(['https://github.com/commonplace']);
  });
});

describe('isAllowedExternalUrl', () => {
  const hosts = ['github.com'];
  it.each(['https://github.com/', 'https://docs.github.com/x', 'https://GITHUB.com/x'])(
    'allows %s',
    (url) => {
      expect(isAllowedExternalUrl(url, hosts)).toBe(true);
    },
  );
  it.each([
    'http://github.com/',
    'https://github.com.evil.example/',
    'https://evilgithub.com/',
    'https://user:pass@github.com/',
    'file:///C:/Windows/system32/calc.exe',
    'smb://github.com/share',
    'javascript:alert(1)',
    'commonplace://note/a/b',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url, hosts)).toBe(false);
  });

  it('openExternalSafely does not call the shell for a refused link', () => {
    const shell = new FakeShell();
    const logs: string[] = [];
    expect(
      openExternalSafely(shell, 'ms-msdt:/id', { externalHosts: hosts, log: (m) => logs.push(m) }),
    ).toBe(false);
    expect(shell.opened).toEqual([]);
    expect(logs).toHaveLength(1);
  });
});

describe('permissions (checklist #5)', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'unknown'])(
    'denies %s to our own page',
    async (permission) => {
      const { session } = setup();
      await expect(session.requestPermission(permission, `${APP_ORIGIN}/index.html`)).resolves.toBe(
        false,
      );
      expect(session.checkPermission(permission, APP_ORIGIN)).toBe(false);
    },
  );

  it('grants an allow-listed permission to our origin only', async () => {
    const { session } = setup();
    await expect(
      session.requestPermission('clipboard-sanitized-write', `${APP_ORIGIN}/index.html`),
    ).resolves.toBe(true);
    expect(session.checkPermission('clipboard-sanitized-write', APP_ORIGIN)).toBe(true);
    await expect(
      session.requestPermission('clipboard-sanitized-write', 'https://evil.example/'),
    ).resolves.toBe(false);
    expect(session.checkPermission('clipboard-sanitized-write', 'https://evil.example')).toBe(
      false,
    );
  });
});

describe('contentSecurityPolicy (checklist #7)', () => {
  const csp = contentSecurityPolicy('ws://127.0.0.1:4444');
  const directives = new Map(
    csp.split('; ').map((d) => {
      const [name = '', ...values] = d.split(' ');
      return [name, values];
    }),
  );

  it('allows scripts from our origin only, and no plugins, frames or base tricks', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(csp).not.toContain('unsafe-');
  });

  it('lets the page reach the relay over WebSocket and HTTP and nothing else', () => {
    expect(directives.get('connect-src')).toEqual([
      "'self'",
      'ws://127.0.0.1:4444',
      'http://127.0.0.1:4444',
    ]);
    expect(contentSecurityPolicy('wss://relay.example.com/base')).toContain(
      "connect-src 'self' wss://relay.example.com https://relay.example.com;",
    );
  });
});
