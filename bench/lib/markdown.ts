// Minimal Markdown helpers for bench/results.md.

/** A GitHub-flavoured Markdown table; pipes inside cells are escaped. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (s: string): string => s.replaceAll('|', '\\|').replaceAll('\n', ' ');
  const line = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${headers.map(() => '---').join('|')}|`;
  for (const row of rows) {
    if (row.length !== headers.length) {
      throw new Error(`table row has ${row.length} cells, expected ${headers.length}`);
    }
  }
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`;
}

/** A ratio such as 0.93×, or n/a. */
export function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a';
}

/** Kibibytes as MiB. */
export function mib(kib: number): string {
  return Number.isFinite(kib) ? `${(kib / 1024).toFixed(1)} MiB` : 'n/a';
}
