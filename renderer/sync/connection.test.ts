import { describe, expect, it } from 'vitest';
import { nextConnection } from './connection.ts';

describe('nextConnection', () => {
  it('shows connecting only for the first attempt', () => {
    expect(nextConnection('connecting', 'connecting')).toBe('connecting');
    expect(nextConnection('connecting', 'connected')).toBe('online');
  });

  it('stays offline while retrying after a closed socket', () => {
    expect(nextConnection('connecting', 'closed')).toBe('offline');
    expect(nextConnection('offline', 'connecting')).toBe('offline');
    expect(nextConnection('offline', 'connected')).toBe('online');
  });

  it('goes offline when an open connection closes', () => {
    expect(nextConnection('online', 'closed')).toBe('offline');
  });
});
