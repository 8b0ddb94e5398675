import { describe, expect, it } from 'vitest';
import { extractToken, redactUrl } from './extract-token.ts';

describe('extractToken', () => {
  it('reads the WebSocket query parameter', () => {
    expect(extractToken({ url: '/space/doc?token=abc.def.ghi', headers: {} })).toBe('abc.def.ghi');
  });
  it('reads an Authorization Bearer header, scheme case-insensitive', () => {
    expect(
      extractToken({ url: '/api/me', headers: { authorization: 'Bearer abc.def-_ghi' } }),
    ).toBe('abc.def-_ghi');
    expect(extractToken({ url: '/api/me', headers: { authorization: 'bearer xyz' } })).toBe('xyz');
  });
  it('returns null when absent, malformed or ambiguous', () => {
    expect(extractToken({ url: '/space/doc', headers: {} })).toBeNull();
    expect(extractToken({ url: '/space/doc?token=', headers: {} })).toBeNull();
    expect(extractToken({ url: '/space/doc?token=a&token=b', headers: {} })).toBeNull();
    expect(extractToken({ headers: { authorization: 'Basic dXNlcjpwdw==' } })).toBeNull();
    expect(extractToken({ headers: { authorization: 'Bearer two words' } })).toBeNull();
  });
  it('prefers the header when both are present', () => {
    expect(extractToken({ url: '/x?token=q', headers: { authorization: 'Bearer h' } })).toBe('h');
  });
});

describe('redactUrl', () => {
  it('removes the query so a token cannot reach a log', () => {
    expect(redactUrl('/space/doc?token=secret')).toBe('/space/doc?[redacted]');
    expect(redactUrl('/space/doc')).toBe('/space/doc');
  });
});
