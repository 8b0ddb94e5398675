import { describe, expect, it } from 'vitest';
import { relayProtocols } from '../../shared/wire.ts';
import { chooseSubprotocol, extractToken, redactUrl } from './extract-token.ts';

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

describe('extractToken from Sec-WebSocket-Protocol', () => {
  const header = (token: string): string => relayProtocols(token).join(', ');
  it('reads the token subprotocol the app offers', () => {
    expect(
      extractToken({ url: '/s/d', headers: { 'sec-websocket-protocol': header('abc.def') } }),
    ).toBe('abc.def');
  });
  it('prefers it to a query parameter, and refuses two of them', () => {
    expect(
      extractToken({ url: '/s/d?token=q', headers: { 'sec-websocket-protocol': header('h') } }),
    ).toBe('h');
    const two = `${header('a')}, commonplace.bearer.b`;
    expect(extractToken({ url: '/s/d', headers: { 'sec-websocket-protocol': two } })).toBeNull();
    const empty = 'commonplace.v1, commonplace.bearer.';
    expect(extractToken({ url: '/s/d', headers: { 'sec-websocket-protocol': empty } })).toBeNull();
  });
  it('ignores other subprotocols', () => {
    expect(
      extractToken({ url: '/s/d?token=q', headers: { 'sec-websocket-protocol': 'chat' } }),
    ).toBe('q');
  });
});

describe('chooseSubprotocol', () => {
  it('echoes the relay protocol, never the token one', () => {
    expect(chooseSubprotocol(new Set(relayProtocols('secret')))).toBe('commonplace.v1');
    expect(chooseSubprotocol(new Set(['commonplace.bearer.secret']))).toBe(false);
  });
});

describe('redactUrl', () => {
  it('removes the query so a token cannot reach a log', () => {
    expect(redactUrl('/space/doc?token=secret')).toBe('/space/doc?[redacted]');
    expect(redactUrl('/space/doc')).toBe('/space/doc');
  });
});
