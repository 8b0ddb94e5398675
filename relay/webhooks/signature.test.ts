import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signatureHeader, verifySignature } from './signature.ts';

describe('webhook signatures', () => {
  const secret = newWebhookSecret();
  const body = '{"id":"e1","type":"comment.created"}';

  it('verifies what it signs and nothing else', () => {
    const header = signatureHeader(secret, 1_700_000_000, body);
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, header, body, 1_700_000_010)).toEqual({
      ok: true,
      timestamp: 1_700_000_000,
    });
    expect(verifySignature(secret, header, body.replace('e1', 'e2'), 1_700_000_010)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature(newWebhookSecret(), header, body, 1_700_000_010).ok).toBe(false);
    // A replay after the tolerance is refused even though the signature is right.
    expect(verifySignature(secret, header, body, 1_700_000_301)).toEqual({
      ok: false,
      reason: 'too old',
    });
    // The timestamp is signed: moving it forward breaks the signature.
    const moved = header.replace('t=1700000000', 't=1700000300');
    expect(verifySignature(secret, moved, body, 1_700_000_300).ok).toBe(false);
  });

  it('refuses malformed headers', () => {
    for (const header of ['', 't=1', 'v1=abc', 't=x,v1=' + 'a'.repeat(64), 't=1,v1=zz']) {
      expect(verifySignature(secret, header, body, 1)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('makes distinct secrets of 32 random bytes', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(newWebhookSecret());
  });
});
