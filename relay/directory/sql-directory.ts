/**
 * The directory's SQL, once for both backends: the statements use `?`
 * placeholders and functions both SQLite and PostgreSQL have, and run
 * through a small runner per backend (sqlite-runner.ts, pg-runner.ts).
 */
import { sqlActivity } from '../adoption/sql-activity.ts';
import { optionalText, text, type Row } from '../spaces/rows.ts';
import { sqlGroups } from './sql-groups.ts';
import type { DirectoryEntry, DirectoryPage, DirectoryPerson, DirectoryStore } from './types.ts';

export interface SqlRunner {
  all(sql: string, params: readonly unknown[]): Promise<Row[]>;
  run(sql: string, params: readonly unknown[]): Promise<number>;
}

export interface SqlDb extends SqlRunner {
  /** Runs `body` in one transaction (committed, or rolled back when it throws). */
  transaction<T>(body: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

/** Placeholder ids start so; `last_seen = 0` is what marks never signed in. */
const PLACEHOLDER_PREFIX = 'directory-';

const COLUMNS =
  'id, name, email, scim_id, user_name, external_id, title, department, manager, location, active, last_seen';

function directoryPerson(row: Row): DirectoryPerson {
  const optional = (key: string) => optionalText(row, key);
  return {
    id: text(row, 'id'),
    scimId: text(row, 'scim_id'),
    userName: text(row, 'user_name'),
    name: optional('name'),
    email: optional('email'),
    externalId: optional('external_id'),
    title: optional('title'),
    department: optional('department'),
    manager: optional('manager'),
    location: optional('location'),
    active: Number(row['active']) !== 0,
    signedIn: Number(row['last_seen']) !== 0,
  };
}

function fields(entry: DirectoryEntry): unknown[] {
  return [
    entry.userName,
    entry.name ?? null,
    entry.externalId ?? null,
    entry.title ?? null,
    entry.department ?? null,
    entry.manager ?? null,
    entry.location ?? null,
    entry.active ? 1 : 0,
  ];
}

const SET_FIELDS =
  'user_name = ?, name = COALESCE(?, name), external_id = ?, title = ?, department = ?, manager = ?, location = ?, active = ?';

export function sqlDirectory(db: SqlDb): DirectoryStore {
  const byScimId = async (runner: SqlRunner, scimId: string) => {
    const [row] = await runner.all(`SELECT ${COLUMNS} FROM people WHERE scim_id = ?`, [scimId]);
    return row === undefined ? null : directoryPerson(row);
  };
  return {
    groups: sqlGroups(db),
    activity: sqlActivity(db),
    setChampion: async (userId, champion) =>
      (await db.run('UPDATE people SET champion = ? WHERE id = ?', [champion ? 1 : 0, userId])) > 0,
    isChampion: async (userId) => {
      const [row] = await db.all('SELECT champion FROM people WHERE id = ?', [userId]);
      return row !== undefined && Number(row['champion']) !== 0;
    },
    provision: (entry) =>
      db.transaction(async (tx) => {
        const [holder] = await tx.all(
          'SELECT scim_id FROM people WHERE lower(user_name) = lower(?)',
          [entry.userName],
        );
        if (holder !== undefined && holder['scim_id'] !== entry.scimId) return 'conflict';
        if ((await byScimId(tx, entry.scimId)) === null) {
          // Someone who signed in before being provisioned keeps their id.
          const [signedIn] = await tx.all(
            'SELECT id FROM people WHERE scim_id IS NULL AND lower(email) = lower(?) ORDER BY last_seen DESC',
            [entry.userName],
          );
          if (signedIn === undefined) {
            const address = entry.userName.includes('@') ? entry.userName : null;
            await tx.run('INSERT INTO people (id, email, last_seen, scim_id) VALUES (?, ?, 0, ?)', [
              PLACEHOLDER_PREFIX + entry.scimId,
              address,
              entry.scimId,
            ]);
          } else {
            await tx.run('UPDATE people SET scim_id = ? WHERE id = ?', [
              entry.scimId,
              signedIn['id'],
            ]);
          }
        }
        await tx.run(`UPDATE people SET ${SET_FIELDS} WHERE scim_id = ?`, [
          ...fields(entry),
          entry.scimId,
        ]);
        const stored = await byScimId(tx, entry.scimId);
        if (stored === null) throw new Error('provisioned person vanished');
        return stored;
      }),
    provisioned: (scimId) => byScimId(db, scimId),
    listProvisioned: async (userName, offset, limit) => {
      const where =
        userName === null
          ? 'scim_id IS NOT NULL'
          : 'scim_id IS NOT NULL AND lower(user_name) = lower(?)';
      const filter = userName === null ? [] : [userName];
      const [count] = await db.all(`SELECT COUNT(*) AS n FROM people WHERE ${where}`, filter);
      const rows = await db.all(
        `SELECT ${COLUMNS} FROM people WHERE ${where} ORDER BY lower(user_name), scim_id LIMIT ? OFFSET ?`,
        [...filter, limit, offset],
      );
      const page: DirectoryPage = {
        total: Number(count?.['n'] ?? 0),
        people: rows.map(directoryPerson),
      };
      return page;
    },
    directoryFields: async (userId) => {
      const [row] = await db.all(
        'SELECT title, department, manager, location, active FROM people WHERE id = ?',
        [userId],
      );
      if (row === undefined) return null;
      return {
        title: optionalText(row, 'title') ?? null,
        department: optionalText(row, 'department') ?? null,
        manager: optionalText(row, 'manager') ?? null,
        location: optionalText(row, 'location') ?? null,
        active: Number(row['active']) !== 0,
      };
    },
    isDeactivated: async (userId) => {
      const [row] = await db.all('SELECT active FROM people WHERE id = ?', [userId]);
      return row !== undefined && Number(row['active']) === 0;
    },
    claim: (userId, address) =>
      db.transaction(async (tx) => {
        const [row] = await tx.all(
          'SELECT id FROM people WHERE last_seen = 0 AND lower(user_name) = lower(?) AND id <> ?',
          [address, userId],
        );
        if (row === undefined) return;
        const old = text(row, 'id');
        // Memberships move to the signed-in id; where they already had one, theirs stays.
        await tx.run(
          'UPDATE members SET user_id = ? WHERE user_id = ? AND space_id NOT IN (SELECT space_id FROM members WHERE user_id = ?)',
          [userId, old, userId],
        );
        await tx.run('DELETE FROM members WHERE user_id = ?', [old]);
        // Their token-learnt row (if any) gives way to the directory's, which is upserted next.
        await tx.run('DELETE FROM people WHERE id = ? AND scim_id IS NULL', [userId]);
        await tx.run('UPDATE people SET id = ?, last_seen = ? WHERE id = ?', [
          userId,
          Date.now(),
          old,
        ]);
      }),
  };
}
