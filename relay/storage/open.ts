/**
 * Opens the document store the relay runs on: SQLite in the data directory,
 * or PostgreSQL with a database URL. Either way appends go through group
 * commit (group-commit.ts): the updates of one event-loop turn share one
 * transaction, and each is broadcast only after that transaction committed.
 */
import { groupCommit } from './group-commit.ts';
import { PostgresStorage } from './postgres.ts';
import { SqliteStorage, type SqliteSynchronous } from './sqlite.ts';
import type { DocStorage } from './types.ts';

export interface DocStorageChoice {
  /** Directory of `relay.sqlite`, used when there is no `databaseUrl`. */
  readonly dataDir: string;
  /** `postgres://…`: documents in PostgreSQL. */
  readonly databaseUrl?: string | undefined;
  /** SQLite `synchronous` pragma; `NORMAL` by default. */
  readonly sqliteSynchronous?: SqliteSynchronous | undefined;
  /**
   * False: every update commits on its own (the store's `appendUpdate`), so
   * the benchmark can measure what group commit gains in the same run.
   */
  readonly groupCommit?: boolean | undefined;
  /** Hears the size of each group-committed batch. */
  readonly onBatch?: ((size: number) => void) | undefined;
}

/** The relay's document store as `choice` says, wrapped in group commit unless turned off. */
export async function openDocStorage(choice: DocStorageChoice): Promise<DocStorage> {
  const store =
    choice.databaseUrl === undefined
      ? new SqliteStorage({
          dataDir: choice.dataDir,
          ...(choice.sqliteSynchronous === undefined
            ? {}
            : { synchronous: choice.sqliteSynchronous }),
        })
      : await PostgresStorage.open(choice.databaseUrl);
  return choice.groupCommit === false ? store : groupCommit(store, choice.onBatch);
}
