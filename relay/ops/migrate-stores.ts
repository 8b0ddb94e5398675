/**
 * The second half of `commonplace-relay migrate`: copies spaces, members,
 * people, files, version-history snapshots, the audit log, the legal store,
 * webhooks, the acceptable-use policy and classification labels from a
 * SQLite data directory (`spaces.sqlite`, `files.sqlite`, `history.sqlite`,
 * `audit.sqlite`, `legal.sqlite`, `webhooks.sqlite`, `policy.sqlite`,
 * `classification.sqlite`, `knowledge.sqlite`) into PostgreSQL, then
 * checks per table that the target holds as many rows, and as many bytes of
 * file and snapshot content, as the source. Rows already there (a rerun after
 * an interruption) are kept, so running it twice changes nothing. The target
 * is meant to hold only what came from this directory: rows of its own make
 * the counts differ and are reported as a mismatch.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';
import { AUDIT_FILE, openAuditSqlite } from '../audit/sqlite-audit-store.ts';
import { pgTransaction } from '../db/postgres.ts';
import { closeSqlite } from '../db/sqlite.ts';
import { FILES_FILE, openFilesSqlite } from '../files/sqlite-file-store.ts';
import { HISTORY_FILE, openHistorySqlite } from '../history/sqlite-snapshots.ts';
import { LEGAL_FILE, openLegalSqlite } from '../legal/sql-store.ts';
import { openPolicySqlite, POLICY_FILE } from '../acceptable-use/sqlite-policy-store.ts';
import { CLASSIFICATION_FILE, openClassificationSqlite } from '../classification/sqlite-store.ts';
import { KNOWLEDGE_FILE, openKnowledgeSqlite } from '../knowledge/runner.ts';
import type { Logger } from '../log.ts';
import { openSpacesSqlite, SPACES_FILE } from '../spaces/sqlite-store.ts';
import { openWebhooksSqlite, WEBHOOKS_FILE } from '../webhooks/sqlite-webhook-store.ts';

/** What was found on each side for one table. */
export interface TableCheck {
  readonly table: string;
  readonly sourceRows: number;
  readonly targetRows: number;
  /** Bytes of blob content (files, snapshots); 0 for tables without any. */
  readonly sourceBytes: number;
  readonly targetBytes: number;
}

export interface StoresReport {
  readonly tables: readonly TableCheck[];
  /** Tables whose counts or bytes differ after the copy. */
  readonly mismatched: readonly string[];
}

interface TableSpec {
  readonly table: string;
  readonly columns: readonly string[];
  readonly key: readonly string[];
  /** The blob column whose bytes are compared, if any. */
  readonly blob?: string;
  /** Source order (snapshots keep their insertion order, which breaks ties in history). */
  readonly order: string;
  /** SQL run on the target after the copy (a serial column's sequence moved past the copied ids). */
  readonly after?: string;
}

const SPACES: readonly TableSpec[] = [
  {
    table: 'spaces',
    columns: ['id', 'name', 'created_at', 'icon', 'description', 'deleted_at'],
    key: ['id'],
    order: 'id',
  },
  {
    table: 'members',
    columns: ['space_id', 'user_id', 'role'],
    key: ['space_id', 'user_id'],
    order: 'space_id, user_id',
  },
  {
    table: 'people',
    columns: ['id', 'name', 'email', 'last_seen'],
    key: ['id'],
    order: 'id',
  },
];

const FILES: TableSpec = {
  table: 'files',
  columns: [
    'space_id',
    'file_id',
    'content_type',
    'size',
    'data',
    'created_at',
    'created_by',
    'deleted_at',
    'unreferenced_since',
  ],
  key: ['space_id', 'file_id'],
  blob: 'data',
  order: 'space_id, file_id',
};

const SNAPSHOTS: TableSpec = {
  table: 'snapshots',
  columns: ['id', 'space', 'doc', 'created_at', 'created_by', 'reason', 'state'],
  key: ['id'],
  blob: 'state',
  order: 'rowid',
};

/** The audit log, copied verbatim: its hashes cover every value, so the chain verifies on PostgreSQL. */
const AUDIT: TableSpec = {
  table: 'audit_log',
  columns: [
    'seq',
    'at',
    'kind',
    'actor',
    'space',
    'target',
    'ip',
    'user_agent',
    'detail',
    'prev_hash',
    'hash',
  ],
  key: ['seq'],
  order: 'seq',
};

/** Retention, holds, the edit journal (ids kept, its sequence moved on) and purged notes. */
const LEGAL: readonly TableSpec[] = [
  {
    table: 'legal_retention',
    columns: ['scope', 'trash_days', 'history_days'],
    key: ['scope'],
    order: 'scope',
  },
  {
    table: 'legal_holds',
    columns: [
      'id',
      'case_name',
      'scope_kind',
      'scope_id',
      'created_by',
      'created_at',
      'released_by',
      'released_at',
    ],
    key: ['id'],
    order: 'created_at, id',
  },
  {
    table: 'legal_edits',
    columns: ['seq', 'space', 'doc', 'at', 'by_sub', 'inserts', 'deletes'],
    key: ['seq'],
    order: 'seq',
    after:
      "SELECT setval(pg_get_serial_sequence('legal_edits', 'seq'), (SELECT COALESCE(MAX(seq), 0) + 1 FROM legal_edits), false)",
  },
  {
    table: 'legal_purged',
    columns: ['space', 'doc', 'purged_at'],
    key: ['space', 'doc'],
    order: 'space, doc',
  },
];

/** The acceptable-use policy's versions and who accepted which. */
const POLICY: readonly TableSpec[] = [
  {
    table: 'policy_versions',
    columns: ['version', 'text', 'published_at', 'published_by'],
    key: ['version'],
    order: 'version',
  },
  {
    table: 'policy_acceptances',
    columns: ['user_id', 'version', 'at', 'ip', 'client'],
    key: ['user_id', 'version'],
    order: 'user_id, version',
  },
];

/** The company's label list and each space's label. */
const CLASSIFICATION: readonly TableSpec[] = [
  { table: 'classification_labels', columns: ['id', 'labels'], key: ['id'], order: 'id' },
  {
    table: 'space_labels',
    columns: ['space_id', 'label', 'changed_at'],
    key: ['space_id'],
    order: 'space_id',
  },
];

/** Authorship per note per person, note texts, declared profiles (relay/knowledge). */
const KNOWLEDGE: readonly TableSpec[] = [
  {
    table: 'knowledge_authorship',
    columns: ['space', 'doc', 'person', 'edits', 'first_at', 'last_at', 'comments'],
    key: ['space', 'doc', 'person'],
    order: 'space, doc, person',
  },
  {
    table: 'knowledge_notes',
    columns: ['space', 'doc', 'title', 'body', 'updated_at'],
    key: ['space', 'doc'],
    order: 'space, doc',
  },
  {
    table: 'knowledge_profiles',
    columns: ['person', 'skills', 'topics', 'opt_in', 'updated_at'],
    key: ['person'],
    order: 'person',
  },
];

/** Webhooks with their secrets, and the outbox: queued deliveries go on from PostgreSQL. */
const WEBHOOKS: readonly TableSpec[] = [
  {
    table: 'webhooks',
    columns: ['id', 'space_id', 'url', 'events', 'secret', 'enabled', 'created_at', 'created_by'],
    key: ['id'],
    order: 'id',
  },
  {
    table: 'outbox',
    columns: [
      'event_id',
      'webhook_id',
      'kind',
      'payload',
      'status',
      'attempts',
      'next_attempt_at',
      'lease_token',
      'last_status',
      'last_error',
      'created_at',
      'delivered_at',
      'debounce_key',
    ],
    key: ['webhook_id', 'event_id'],
    order: 'webhook_id, event_id',
  },
];

/** Copies one table row by row in one transaction; rows whose key is there already are kept. */
async function copyTable(source: DatabaseSync, target: pg.Pool, spec: TableSpec): Promise<void> {
  const columns = spec.columns.join(', ');
  const placeholders = spec.columns.map((_, i) => `$${String(i + 1)}`).join(', ');
  const insert = `INSERT INTO ${spec.table} (${columns}) VALUES (${placeholders}) ON CONFLICT (${spec.key.join(', ')}) DO NOTHING`;
  await pgTransaction(target, async (client) => {
    for (const row of source
      .prepare(`SELECT ${columns} FROM ${spec.table} ORDER BY ${spec.order}`)
      .iterate()) {
      await client.query(
        insert,
        spec.columns.map((column) => row[column] ?? null),
      );
    }
    if (spec.after !== undefined) await client.query(spec.after);
  });
}

async function check(source: DatabaseSync, target: pg.Pool, spec: TableSpec): Promise<TableCheck> {
  const bytes = spec.blob === undefined ? '0' : `COALESCE(SUM(length(${spec.blob})), 0)`;
  const sourceRow = source.prepare(`SELECT COUNT(*) AS n, ${bytes} AS b FROM ${spec.table}`).get();
  const targetBytes =
    spec.blob === undefined ? '0' : `COALESCE(SUM(octet_length(${spec.blob})), 0)`;
  const targetRow = (
    await target.query<{ n: string; b: string }>(
      `SELECT COUNT(*) AS n, ${targetBytes} AS b FROM ${spec.table}`,
    )
  ).rows[0];
  return {
    table: spec.table,
    sourceRows: Number(sourceRow?.['n'] ?? 0),
    targetRows: Number(targetRow?.n ?? 0),
    sourceBytes: Number(sourceRow?.['b'] ?? 0),
    targetBytes: Number(targetRow?.b ?? 0),
  };
}

/**
 * Copies the stores of `dataDir` into `target` (schemas already migrated,
 * see db/stores.ts) and checks every table. A store whose file does not
 * exist is left out.
 */
export async function copyStores(options: {
  readonly dataDir: string;
  readonly target: pg.Pool;
  readonly log: Logger;
}): Promise<StoresReport> {
  const { dataDir, target, log } = options;
  const sources: [string, (dir: string) => DatabaseSync, readonly TableSpec[]][] = [
    [SPACES_FILE, openSpacesSqlite, SPACES],
    [FILES_FILE, openFilesSqlite, [FILES]],
    [HISTORY_FILE, openHistorySqlite, [SNAPSHOTS]],
    [AUDIT_FILE, openAuditSqlite, [AUDIT]],
    [LEGAL_FILE, openLegalSqlite, LEGAL],
    [WEBHOOKS_FILE, openWebhooksSqlite, WEBHOOKS],
    [POLICY_FILE, openPolicySqlite, POLICY],
    [CLASSIFICATION_FILE, openClassificationSqlite, CLASSIFICATION],
    [KNOWLEDGE_FILE, openKnowledgeSqlite, KNOWLEDGE],
  ];
  const tables: TableCheck[] = [];
  for (const [file, open, specs] of sources) {
    if (!existsSync(join(dataDir, file))) continue;
    const source = open(dataDir);
    try {
      for (const spec of specs) {
        await copyTable(source, target, spec);
        tables.push(await check(source, target, spec));
      }
    } finally {
      closeSqlite(source);
    }
  }
  const mismatched = tables
    .filter((t) => t.sourceRows !== t.targetRows || t.sourceBytes !== t.targetBytes)
    .map((t) => t.table);
  for (const table of tables) {
    const level = mismatched.includes(table.table) ? 'error' : 'info';
    log[level]('table copied', { ...table });
  }
  return { tables, mismatched };
}
