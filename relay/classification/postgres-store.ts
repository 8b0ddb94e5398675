/**
 * `ClassificationStore` on PostgreSQL, shared by every relay node. Queries
 * only; the pool comes from relay/db and is not closed here.
 */
import type pg from 'pg';
import type { ClassificationLabel } from '../../shared/classification-api.ts';
import { pgTransaction } from '../db/postgres.ts';
import { droppedInUse, parseLabels } from './rows.ts';
import type { ClassificationStore, LabelInUse } from './types.ts';

/** Key of the advisory lock that keeps a list change and a space's relabelling apart. */
const LABELS_LOCK = 5_113_029;

export class PostgresClassificationStore implements ClassificationStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async labels(): Promise<ClassificationLabel[] | null> {
    const result = await this.#pool.query('SELECT labels FROM classification_labels WHERE id = 1');
    const row = result.rows[0] as Record<string, unknown> | undefined;
    return row === undefined ? null : parseLabels(row['labels']);
  }

  setLabels(labels: readonly ClassificationLabel[]): Promise<LabelInUse | null> {
    return pgTransaction(this.#pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LABELS_LOCK]);
      const used = await client.query<{ label: string }>('SELECT DISTINCT label FROM space_labels');
      const inUse = droppedInUse(
        used.rows.map((r) => r.label),
        labels,
      );
      if (inUse !== null) return { inUse };
      await client.query(
        'INSERT INTO classification_labels (id, labels) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET labels = excluded.labels',
        [JSON.stringify(labels)],
      );
      return null;
    });
  }

  async spaceLabel(spaceId: string): Promise<string | null> {
    const result = await this.#pool.query<{ label: string }>(
      'SELECT label FROM space_labels WHERE space_id = $1',
      [spaceId],
    );
    return result.rows[0]?.label ?? null;
  }

  async spaceLabels(spaceIds: readonly string[]): Promise<Map<string, string>> {
    const result = await this.#pool.query<{ space_id: string; label: string }>(
      'SELECT space_id, label FROM space_labels WHERE space_id = ANY($1::text[])',
      [[...spaceIds]],
    );
    return new Map(result.rows.map((r) => [r.space_id, r.label]));
  }

  async setSpaceLabel(spaceId: string, label: string, at: number): Promise<void> {
    await pgTransaction(this.#pool, async (client) => {
      // Shared with setLabels: a list dropping this label waits, then sees it in use.
      await client.query('SELECT pg_advisory_xact_lock($1)', [LABELS_LOCK]);
      await client.query(
        'INSERT INTO space_labels (space_id, label, changed_at) VALUES ($1, $2, $3) ON CONFLICT (space_id) DO UPDATE SET label = excluded.label, changed_at = excluded.changed_at',
        [spaceId, label, at],
      );
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
