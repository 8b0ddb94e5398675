/**
 * Audit entries as files for other systems: JSON Lines (one entry per line,
 * as the REST API shows it) and CSV (RFC 4180: quoted fields, CRLF, with a
 * header row; `detail` as a JSON cell).
 */
import type { AuditExportFormat } from '../../shared/admin-api.ts';
import { canonicalDetail } from './chain.ts';
import type { AuditEntry } from './types.ts';

/** Columns of the CSV export, in order. */
export const CSV_COLUMNS = [
  'seq',
  'at',
  'time',
  'kind',
  'actor',
  'space',
  'target',
  'ip',
  'userAgent',
  'detail',
  'prevHash',
  'hash',
] as const;

/** Media type of each format. */
export const EXPORT_CONTENT_TYPES: Readonly<Record<AuditExportFormat, string>> = {
  jsonl: 'application/x-ndjson',
  csv: 'text/csv; charset=utf-8',
};

/** One entry per line, newline-terminated. */
export function toJsonLines(entries: readonly AuditEntry[]): string {
  return entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
}

/**
 * A CSV cell: quoted when it holds a comma, quote or line break; a cell a
 * spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`) is
 * prefixed with `'` (OWASP "CSV injection"), since actors and user agents
 * come from clients.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row and one row per entry, CRLF line ends. */
export function toCsv(entries: readonly AuditEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    const cells = [
      e.seq,
      e.at,
      new Date(e.at).toISOString(),
      e.kind,
      e.actor,
      e.space,
      e.target,
      e.ip,
      e.userAgent,
      canonicalDetail(e.detail),
      e.prevHash,
      e.hash,
    ];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The entries in `format`. */
export function exportEntries(entries: readonly AuditEntry[], format: AuditExportFormat): string {
  return format === 'csv' ? toCsv(entries) : toJsonLines(entries);
}
