/**
 * The relay's stores besides documents (spaces and members, files, history
 * snapshots) on one backend, chosen by `--database` as documents are:
 * SQLite files in the data directory by default, or one PostgreSQL database
 * shared by every relay node. On PostgreSQL the three stores share one pool,
 * opened and migrated here once and closed by `close()`.
 */
import type pg from 'pg';
import { PostgresPolicyStore } from '../acceptable-use/postgres-policy-store.ts';
import { PG_POLICY_MIGRATIONS } from '../acceptable-use/schema.ts';
import { SqlitePolicyStore } from '../acceptable-use/sqlite-policy-store.ts';
import type { PolicyStore } from '../acceptable-use/types.ts';
import { PostgresAuditStore } from '../audit/postgres-audit-store.ts';
import { PG_AUDIT_MIGRATIONS } from '../audit/schema.ts';
import { SqliteAuditStore } from '../audit/sqlite-audit-store.ts';
import type { AuditStore } from '../audit/types.ts';
import { PG_CLASSIFICATION_MIGRATIONS } from '../classification/migrations.ts';
import { PostgresClassificationStore } from '../classification/postgres-store.ts';
import { SqliteClassificationStore } from '../classification/sqlite-store.ts';
import type { ClassificationStore } from '../classification/types.ts';
import { PG_FILE_MIGRATIONS } from '../files/file-migrations.ts';
import { PostgresFileStore } from '../files/postgres-file-store.ts';
import { SqliteFileStore } from '../files/sqlite-file-store.ts';
import type { FileStore } from '../files/types.ts';
import { PostgresSnapshotStore } from '../history/postgres-snapshots.ts';
import { PG_HISTORY_MIGRATIONS } from '../history/schema.ts';
import type { SnapshotStore } from '../history/snapshot-store.ts';
import { SqliteSnapshotStore } from '../history/sqlite-snapshots.ts';
import { PostgresSpaceStore } from '../spaces/postgres-store.ts';
import { PG_SPACE_MIGRATIONS } from '../spaces/space-migrations.ts';
import { SqliteSpaceStore } from '../spaces/sqlite-store.ts';
import type { SpaceStore } from '../spaces/types.ts';
import { knowledgePostgres, knowledgeSqlite } from '../knowledge/runner.ts';
import { PG_KNOWLEDGE_MIGRATIONS } from '../knowledge/schema.ts';
import { SqlKnowledgeStore } from '../knowledge/sql-store.ts';
import type { KnowledgeStore } from '../knowledge/types.ts';
import { PG_LEGAL_MIGRATIONS } from '../legal/schema.ts';
import { postgresRunner, SqlLegalStore, sqliteRunner } from '../legal/sql-store.ts';
import type { LegalStore } from '../legal/types.ts';
import { PG_TOKEN_MIGRATIONS } from '../tokens/schema.ts';
import { SqlTokenStore, sqliteTokenRunner } from '../tokens/sql-token-store.ts';
import type { TokenStore } from '../tokens/types.ts';
import { PostgresNotificationStore } from '../notifications/postgres-store.ts';
import { PG_NOTIFICATION_MIGRATIONS } from '../notifications/schema.ts';
import { SqliteNotificationStore } from '../notifications/sqlite-store.ts';
import type { NotificationStore } from '../notifications/types.ts';
import { PostgresWebhookStore } from '../webhooks/postgres-webhook-store.ts';
import { PG_WEBHOOK_MIGRATIONS } from '../webhooks/schema.ts';
import { SqliteWebhookStore } from '../webhooks/sqlite-webhook-store.ts';
import type { WebhookStore } from '../webhooks/types.ts';
import { migratePostgres, openPostgres } from './postgres.ts';

export interface RelayStores {
  readonly backend: 'sqlite' | 'postgres';
  readonly spaces: SpaceStore;
  readonly files: FileStore;
  readonly snapshots: SnapshotStore;
  readonly audit: AuditStore;
  readonly legal: LegalStore;
  /** The acceptable-use policy's versions and acceptances. */
  readonly policy: PolicyStore;
  /** Outgoing webhooks and their delivery outbox. */
  readonly webhooks: WebhookStore;
  readonly classification: ClassificationStore;
  /** Personal access tokens and service accounts (hashes only). */
  readonly tokens: TokenStore;
  /** Authorship per note per person, note texts, declared profiles (relay/knowledge). */
  readonly knowledge: KnowledgeStore;
  /** Each person's notifications, their settings, and the due scan's items. */
  readonly notifications: NotificationStore;
  /** Closes every store (and the pool). Idempotent. */
  close(): Promise<void>;
}

/** The stores as SQLite files in `dataDir` (`spaces.sqlite`, `files.sqlite`, `history.sqlite`, `audit.sqlite`). */
export function openSqliteStores(dataDir: string): RelayStores {
  const spaces = new SqliteSpaceStore({ dataDir });
  const files = new SqliteFileStore({ dataDir });
  const snapshots = new SqliteSnapshotStore({ dataDir });
  const audit = new SqliteAuditStore({ dataDir });
  const legal = new SqlLegalStore(sqliteRunner(dataDir));
  const policy = new SqlitePolicyStore({ dataDir });
  const webhooks = new SqliteWebhookStore({ dataDir });
  const classification = new SqliteClassificationStore({ dataDir });
  const tokens = new SqlTokenStore(sqliteTokenRunner(dataDir));
  const knowledge = new SqlKnowledgeStore(knowledgeSqlite(dataDir));
  const notifications = new SqliteNotificationStore({ dataDir });
  let closed = false;
  return {
    backend: 'sqlite',
    spaces,
    files,
    snapshots,
    audit,
    legal,
    policy,
    webhooks,
    classification,
    tokens,
    knowledge,
    notifications,
    close: () => {
      if (!closed) {
        closed = true;
        spaces.close();
        files.close();
        snapshots.close();
        audit.close();
        void legal.close();
        policy.close();
        webhooks.close();
        classification.close();
        void tokens.close();
        void knowledge.close();
        notifications.close();
      }
      return Promise.resolve();
    },
  };
}

/** Brings the schemas of the spaces, files, history and audit stores up to date in `pool`'s database. */
export async function migrateStores(pool: pg.Pool): Promise<void> {
  await migratePostgres(pool, 'spaces', PG_SPACE_MIGRATIONS);
  await migratePostgres(pool, 'files', PG_FILE_MIGRATIONS);
  await migratePostgres(pool, 'history', PG_HISTORY_MIGRATIONS);
  await migratePostgres(pool, 'audit', PG_AUDIT_MIGRATIONS);
  await migratePostgres(pool, 'legal', PG_LEGAL_MIGRATIONS);
  await migratePostgres(pool, 'policy', PG_POLICY_MIGRATIONS);
  await migratePostgres(pool, 'webhooks', PG_WEBHOOK_MIGRATIONS);
  await migratePostgres(pool, 'classification', PG_CLASSIFICATION_MIGRATIONS);
  await migratePostgres(pool, 'tokens', PG_TOKEN_MIGRATIONS);
  await migratePostgres(pool, 'knowledge', PG_KNOWLEDGE_MIGRATIONS);
  await migratePostgres(pool, 'notifications', PG_NOTIFICATION_MIGRATIONS);
}

/** The stores in the PostgreSQL database at `url`, schemas brought up to date. */
export async function openPostgresStores(url: string): Promise<RelayStores> {
  const pool = await openPostgres(url);
  try {
    await migrateStores(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  let closed: Promise<void> | null = null;
  return {
    backend: 'postgres',
    spaces: new PostgresSpaceStore(pool),
    files: new PostgresFileStore(pool),
    snapshots: new PostgresSnapshotStore(pool),
    audit: new PostgresAuditStore(pool),
    legal: new SqlLegalStore(postgresRunner(pool)),
    policy: new PostgresPolicyStore(pool),
    webhooks: new PostgresWebhookStore(pool),
    classification: new PostgresClassificationStore(pool),
    tokens: new SqlTokenStore(postgresRunner(pool)),
    knowledge: new SqlKnowledgeStore(knowledgePostgres(pool)),
    notifications: new PostgresNotificationStore(pool),
    close: () => {
      closed ??= pool.end();
      return closed;
    },
  };
}
