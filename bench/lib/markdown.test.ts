import { describe, expect, it } from 'vitest';
import { mib, ms, table, times } from './markdown.ts';

describe('markdown', () => {
  it('renders a table and escapes pipes', () => {
    expect(table(['a', 'b'], [['1', 'x|y']])).toBe('| a | b |\n|---|---|\n| 1 | x\\|y |');
  });

  it('rejects a row of the wrong width', () => {
    expect(() => table(['a', 'b'], [['1']])).toThrow(/1 cells, expected 2/);
  });

  it('formats units and missing figures', () => {
    expect(ms(1.234)).toBe('1.23 ms');
    expect(ms(12.34)).toBe('12.3 ms');
    expect(times(0.5)).toBe('0.50×');
    expect(times(Number.NaN)).toBe('n/a');
    expect(mib(2048)).toBe('2.0 MiB');
  });
});
