import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/wire.ts';
import { ConnectionLimiter } from './connection-limits.ts';

describe('ConnectionLimiter', () => {
  it('admits up to the limit, refuses with 4429 beyond it, and admits again after a release', () => {
    const limiter = new ConnectionLimiter(2);
    expect(limiter.admit().ok).toBe(true);
    expect(limiter.admit().ok).toBe(true);
    expect(limiter.admit()).toEqual({
      ok: false,
      code: CloseCode.Overloaded,
      reason: 'relay at connection limit',
    });
    limiter.release();
    expect(limiter.open).toBe(1);
    expect(limiter.admit().ok).toBe(true);
  });
});
