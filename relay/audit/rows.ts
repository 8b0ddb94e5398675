/**
 * Shared by both audit stores: building an entry (its chain link and hash),
 * turning a database row back into one, and the WHERE clause of a query.
 */
import { AuditDetailSchema, AuditKindSchema } from '../../shared/admin-api.ts';
import { canonicalDetail, entryHash } from './chain.ts';
import type { AuditEntry, AuditFilter, AuditInput } from './types.ts';

/** The columns, in the order `rowValues` gives them. */
export const AUDIT_COLUMNS =
  'seq, at, kind, actor, space, target, ip, user_agent, detail, prev_hash, hash';

/** Longest user agent kept; the rest is cut (a header is the client's to fill). */
const MAX_USER_AGENT = 256;

/** The next entry after `tail` (seq and hash of the newest, or null for an empty log). */
export function chainEntry(
  input: AuditInput,
  at: number,
  tail: { seq: number; hash: string } | null,
  genesis: string,
): AuditEntry {
  const fields = {
    seq: (tail?.seq ?? 0) + 1,
    at,
    kind: input.kind,
    actor: input.actor,
    space: input.space ?? null,
    target: input.target ?? null,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    detail: input.detail ?? {},
    prevHash: tail?.hash ?? genesis,
  };
  return { ...fields, hash: entryHash(fields) };
}

/** An entry as the values of `AUDIT_COLUMNS`. */
export function rowValues(entry: AuditEntry): (string | number | null)[] {
  return [
    entry.seq,
    entry.at,
    entry.kind,
    entry.actor,
    entry.space,
    entry.target,
    entry.ip,
    entry.userAgent,
    canonicalDetail(entry.detail),
    entry.prevHash,
    entry.hash,
  ];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * A stored row as an entry. A row whose kind or detail no longer parses is
 * still returned (with what it says) so that verification, not parsing,
 * reports it: its hash will not match.
 */
export function rowToEntry(row: Record<string, unknown>): AuditEntry {
  let detail: AuditEntry['detail'];
  try {
    const parsed = AuditDetailSchema.safeParse(JSON.parse(String(row['detail'])));
    detail = parsed.success ? parsed.data : { unreadable: String(row['detail']) };
  } catch {
    detail = { unreadable: String(row['detail']) };
  }
  const kind = AuditKindSchema.safeParse(row['kind']);
  return {
    seq: Number(row['seq']),
    at: Number(row['at']),
    kind: kind.success ? kind.data : 'refused',
    actor: str(row['actor']),
    space: str(row['space']),
    target: str(row['target']),
    ip: str(row['ip']),
    userAgent: str(row['user_agent']),
    detail,
    prevHash: String(row['prev_hash']),
    hash: kind.success ? String(row['hash']) : `unknown kind ${String(row['kind'])}`,
  };
}

/**
 * WHERE clause and values of a filter; `placeholder(i)` numbers the
 * parameters (1-based). With `sqliteHints`, only the most selective filter
 * (person, else space, else kind, else time) may use its index: the others
 * are written `+column`, which SQLite reads as "no index". Without table
 * statistics SQLite otherwise may walk the `kind` or time index (a fifth of
 * the log) instead of one person's few hundred entries.
 */
export function whereOf(
  filter: AuditFilter,
  placeholder: (i: number) => string,
  sqliteHints = false,
): { sql: string; values: (string | number)[] } {
  const clauses: string[] = [];
  const values: (string | number)[] = [];
  const lead =
    filter.person !== undefined
      ? 'actor'
      : filter.space !== undefined
        ? 'space'
        : filter.kind !== undefined
          ? 'kind'
          : 'at';
  const add = (column: string, op: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    values.push(value);
    const name = sqliteHints && column !== lead && column !== 'seq' ? `+${column}` : column;
    clauses.push(`${name} ${op} ${placeholder(values.length)}`);
  };
  add('actor', '=', filter.person);
  add('space', '=', filter.space);
  add('kind', '=', filter.kind);
  add('at', '>=', filter.from);
  add('at', '<', filter.to);
  add('seq', '<', filter.before);
  return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, values };
}
