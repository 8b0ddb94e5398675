import { describe, expect, it, vi } from 'vitest';
import {
  findDeepLinkArgument,
  handleDeepLink,
  parseDeepLink,
  registerDeepLinkScheme,
} from './deep-link.ts';
import { FakeApp } from './testing/fake-electron.ts';

describe('parseDeepLink', () => {
  it('accepts a note link', () => {
    expect(parseDeepLink('commonplace://note/space_1/Doc-2')).toEqual({
      ok: true,
      link: { kind: 'note', spaceId: 'space_1', docId: 'Doc-2' },
    });
  });

  it.each([
    [42, 'not a string'],
    ['', 'not a URL'],
    ['https://note/a/b', 'wrong scheme'],
    ['commonplace://settings/a/b', 'unknown action'],
    ['commonplace://note/a', 'expected /<spaceId>/<docId>'],
    ['commonplace://note/a/b/c', 'expected /<spaceId>/<docId>'],
    ['commonplace://note/../b', 'expected /<spaceId>/<docId>'],
    ['commonplace://note/a/%2e%2e', 'expected /<spaceId>/<docId>'],
    ['commonplace://note/a%2Fb/c', 'expected /<spaceId>/<docId>'],
    ['commonplace://note//b', 'expected /<spaceId>/<docId>'],
    ['commonplace://note/späce/b', 'expected /<spaceId>/<docId>'],
    [`commonplace://note/${'a'.repeat(65)}/b`, 'expected /<spaceId>/<docId>'],
    ['commonplace://note/a/b?token=x', 'query or fragment is not allowed'],
    ['commonplace://note/a/b#x', 'query or fragment is not allowed'],
    ['commonplace://user:pw@note/a/b', 'credentials or port are not allowed'],
    ['commonplace://note:8080/a/b', 'credentials or port are not allowed'],
    [`commonplace://note/a/${'b'.repeat(300)}`, 'too long'],
  ])('refuses %s (%s)', (raw, reason) => {
    const result = parseDeepLink(raw);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ reason: expect.stringContaining(reason) as unknown });
  });
});

describe('findDeepLinkArgument', () => {
  it('finds the link among the arguments Windows and Linux pass', () => {
    expect(
      findDeepLinkArgument(['/opt/Commonplace/commonplace', '--flag', 'commonplace://note/a/b']),
    ).toBe('commonplace://note/a/b');
    expect(findDeepLinkArgument(['/opt/Commonplace/commonplace'])).toBeUndefined();
  });
});

describe('handleDeepLink', () => {
  it('focuses the app for a valid link and returns it', () => {
    const focus = vi.fn();
    expect(handleDeepLink('commonplace://note/a/b', { focus, log: () => undefined })).toEqual({
      kind: 'note',
      spaceId: 'a',
      docId: 'b',
    });
    expect(focus).toHaveBeenCalledOnce();
  });

  it('does nothing but log for junk', () => {
    const focus = vi.fn();
    const logs: string[] = [];
    expect(
      handleDeepLink('commonplace://note/../../etc', { focus, log: (m) => logs.push(m) }),
    ).toBeNull();
    expect(focus).not.toHaveBeenCalled();
    expect(logs).toEqual(['deep link refused: expected /<spaceId>/<docId>']);
  });
});

describe('registerDeepLinkScheme', () => {
  it('registers the packaged app as the handler of commonplace://', () => {
    const app = new FakeApp();
    registerDeepLinkScheme(app, {
      execPath: '/opt/Commonplace/commonplace',
      argv: ['/opt/Commonplace/commonplace'],
    });
    expect(app.protocolClients).toEqual([{ protocol: 'commonplace' }]);
  });

  it('passes the app path when running as `electron .`', () => {
    const app = new FakeApp();
    registerDeepLinkScheme(app, {
      defaultApp: true,
      execPath: '/usr/bin/electron',
      argv: ['/usr/bin/electron', '/work/app'],
    });
    expect(app.protocolClients).toEqual([
      { protocol: 'commonplace', path: '/usr/bin/electron', args: ['/work/app'] },
    ]);
  });
});
