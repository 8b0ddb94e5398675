import { describe, expect, it } from 'vitest';
import { PersonRate } from './person-rate.ts';

describe('PersonRate', () => {
  it('lets a burst of `limit` pass, then refuses with the time until the next call', () => {
    let now = 1_000;
    const rate = new PersonRate(3, 60_000, () => now);
    expect([rate.take('ada'), rate.take('ada'), rate.take('ada')]).toEqual([
      { ok: true },
      { ok: true },
      { ok: true },
    ]);
    expect(rate.take('ada')).toEqual({ ok: false, retryAfterMs: 20_000 });
    now += 19_999;
    expect(rate.take('ada').ok).toBe(false);
    now += 1;
    expect(rate.take('ada')).toEqual({ ok: true });
  });

  it('keeps one bucket per person: one person spending theirs leaves another untouched', () => {
    const rate = new PersonRate(1, 1_000, () => 0);
    expect(rate.take('ada').ok).toBe(true);
    expect(rate.take('ada').ok).toBe(false);
    expect(rate.take('grace').ok).toBe(true);
  });

  it('never refills past the limit, and a clock going back refills nothing', () => {
    let now = 0;
    const rate = new PersonRate(2, 1_000, () => now);
    now = 1_000_000;
    expect(rate.take('ada').ok).toBe(true);
    expect(rate.take('ada').ok).toBe(true);
    expect(rate.take('ada').ok).toBe(false);
    now = 0;
    expect(rate.take('ada').ok).toBe(false);
  });

  it('refuses a limit below 1 or a window that is not positive', () => {
    expect(() => new PersonRate(0, 1_000)).toThrow(/limit/);
    expect(() => new PersonRate(1, 0)).toThrow(/window/);
  });
});
