/**
 * `SpaceStore` on SQLite, in its own file beside the documents
 * (`spaces.sqlite`), so that document storage can be swapped without moving
 * membership, and vice versa. Queries only: relay/db opens the file (WAL,
 * pragmas) and applies the numbered migrations of space-migrations.ts.
 */
import { join } from 'node:path';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Member, MySpace, Person, Role, Space } from '../../shared/api.ts';
import { closeSqlite, openSqlite, sqliteTransaction } from '../db/sqlite.ts';
import type { AdminSpace } from '../../shared/admin-api.ts';
import {
  adminSpaceOf,
  likeContains,
  OWNER_SEPARATOR,
  person,
  role,
  spaceOf,
  text,
} from './rows.ts';
import { sqlDirectory } from '../directory/sql-directory.ts';
import { sqliteRunner } from '../directory/sqlite-runner.ts';
import type { DirectoryStore } from '../directory/types.ts';
import { sqlOpenSpaces, type OpenSpaceStore } from './open-spaces.ts';
import { SQLITE_SPACE_MIGRATIONS } from './space-migrations.ts';
import type { MembershipResult, SpaceSettingsPatch, SpaceStore, TrashedSpace } from './types.ts';

/** File name of the membership database inside the data directory. */
export const SPACES_FILE = 'spaces.sqlite';

/** Opens (creating if needed) `spaces.sqlite` in `dataDir` with its schema up to date. */
export function openSpacesSqlite(dataDir: string): DatabaseSync {
  // Foreign keys on: purging a space cascades to its memberships.
  return openSqlite(join(dataDir, SPACES_FILE), {
    store: 'spaces',
    migrations: SQLITE_SPACE_MIGRATIONS,
    foreignKeys: true,
  });
}

export class SqliteSpaceStore implements SpaceStore {
  readonly #db: DatabaseSync;
  readonly #s: Record<string, StatementSync>;
  readonly directory: DirectoryStore;
  readonly openSpaces: OpenSpaceStore;
  #closed = false;

  /** On `spaces.sqlite` in `dataDir`, or on a database already opened by `openSpacesSqlite`. */
  constructor(options: { readonly dataDir: string } | { readonly db: DatabaseSync }) {
    this.#db = 'db' in options ? options.db : openSpacesSqlite(options.dataDir);
    // One runner: its transactions queue behind each other on the one connection.
    const runner = sqliteRunner(this.#db);
    this.directory = sqlDirectory(runner);
    this.openSpaces = sqlOpenSpaces(runner);
    const p = (sql: string): StatementSync => this.#db.prepare(sql);
    this.#s = {
      insertSpace: p(
        'INSERT INTO spaces (id, name, created_at, icon, description) VALUES (?, ?, ?, ?, ?)',
      ),
      getSpace: p(
        'SELECT id, name, icon, description FROM spaces WHERE id = ? AND deleted_at IS NULL',
      ),
      updateSpace: p(
        'UPDATE spaces SET name = COALESCE(?1, name), icon = CASE WHEN ?2 THEN ?3 ELSE icon END, description = CASE WHEN ?4 THEN ?5 ELSE description END WHERE id = ?6 AND deleted_at IS NULL',
      ),
      spacesOf: p(
        'SELECT s.id, s.name, s.icon, s.description, m.role FROM members m JOIN spaces s ON s.id = m.space_id WHERE m.user_id = ? AND s.deleted_at IS NULL ORDER BY s.name COLLATE NOCASE, s.id',
      ),
      roleOf: p(
        'SELECT m.role FROM members m JOIN spaces s ON s.id = m.space_id WHERE m.space_id = ? AND m.user_id = ? AND s.deleted_at IS NULL',
      ),
      trash: p('UPDATE spaces SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL'),
      restore: p('UPDATE spaces SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL'),
      trashOf: p(
        "SELECT s.id, s.name, s.icon, s.description, s.deleted_at FROM members m JOIN spaces s ON s.id = m.space_id WHERE m.user_id = ? AND m.role = 'owner' AND s.deleted_at IS NOT NULL ORDER BY s.deleted_at DESC, s.id",
      ),
      trashedBefore: p('SELECT id FROM spaces WHERE deleted_at IS NOT NULL AND deleted_at <= ?'),
      purge: p('DELETE FROM spaces WHERE id = ? AND deleted_at IS NOT NULL'),
      members: p(
        'SELECT m.user_id, m.role, p.name, p.email, p.champion FROM members m LEFT JOIN people p ON p.id = m.user_id WHERE m.space_id = ? ORDER BY COALESCE(p.name, m.user_id) COLLATE NOCASE, m.user_id',
      ),
      owners: p("SELECT COUNT(*) AS n FROM members WHERE space_id = ? AND role = 'owner'"),
      upsertMember: p(
        'INSERT INTO members (space_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT (space_id, user_id) DO UPDATE SET role = excluded.role',
      ),
      deleteMember: p('DELETE FROM members WHERE space_id = ? AND user_id = ?'),
      upsertPerson: p(
        'INSERT INTO people (id, name, email, last_seen) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, last_seen = excluded.last_seen',
      ),
      getPerson: p('SELECT id, name, email, champion FROM people WHERE id = ?'),
      searchPeople: p(
        // Deactivated people keep their name on what they wrote but are not offered any more.
        "SELECT id, name, email, champion FROM people WHERE active <> 0 AND (id LIKE ?1 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\' OR email LIKE ?1 ESCAPE '\\') ORDER BY COALESCE(name, id) COLLATE NOCASE, id LIMIT ?2",
      ),
    };
  }

  #st(name: string): StatementSync {
    const statement = this.#s[name];
    if (statement === undefined) throw new Error(`no statement ${name}`);
    return statement;
  }

  /** Runs `body` in one immediate transaction (the owner count and the write must agree). */
  #transaction<T>(body: () => T): T {
    return sqliteTransaction(this.#db, body);
  }

  createSpace(space: Space, ownerId: string): void {
    this.#transaction(() => {
      this.#st('insertSpace').run(
        space.id,
        space.name,
        Date.now(),
        space.icon ?? null,
        space.description ?? null,
      );
      this.#st('upsertMember').run(space.id, ownerId, 'owner');
    });
  }

  getSpace(spaceId: string): Space | null {
    const row = this.#st('getSpace').get(spaceId);
    return row === undefined ? null : spaceOf(row);
  }

  updateSpace(spaceId: string, patch: SpaceSettingsPatch): Space | null {
    // One statement: fields absent from the patch keep their stored value.
    const { changes } = this.#st('updateSpace').run(
      patch.name ?? null,
      patch.icon === undefined ? 0 : 1,
      patch.icon ?? null,
      patch.description === undefined ? 0 : 1,
      patch.description ?? null,
      spaceId,
    );
    return Number(changes) === 0 ? null : this.getSpace(spaceId);
  }

  spacesOf(userId: string): MySpace[] {
    return this.#st('spacesOf')
      .all(userId)
      .map((row) => ({ ...spaceOf(row), role: role(row) }));
  }

  roleOf(spaceId: string, userId: string): Role | null {
    const row = this.#st('roleOf').get(spaceId, userId);
    return row === undefined ? null : role(row);
  }

  members(spaceId: string): Member[] {
    return this.#st('members')
      .all(spaceId)
      .map((row) => ({ ...person(row, 'user_id'), role: role(row) }));
  }

  #ownerCount(spaceId: string): number {
    const n = this.#st('owners').get(spaceId)?.['n'];
    return typeof n === 'number' ? n : Number(n ?? 0);
  }

  setRole(spaceId: string, userId: string, newRole: Role): MembershipResult {
    return this.#transaction(() => {
      const current = this.roleOf(spaceId, userId);
      if (current === 'owner' && newRole !== 'owner' && this.#ownerCount(spaceId) <= 1) {
        return 'last-owner';
      }
      this.#st('upsertMember').run(spaceId, userId, newRole);
      return 'ok';
    });
  }

  removeMember(spaceId: string, userId: string): MembershipResult {
    return this.#transaction(() => {
      const current = this.roleOf(spaceId, userId);
      if (current === null) return 'not-member';
      if (current === 'owner' && this.#ownerCount(spaceId) <= 1) return 'last-owner';
      this.#st('deleteMember').run(spaceId, userId);
      return 'ok';
    });
  }

  trashSpace(spaceId: string, at: number): boolean {
    return Number(this.#st('trash').run(at, spaceId).changes) > 0;
  }

  restoreSpace(spaceId: string): boolean {
    return Number(this.#st('restore').run(spaceId).changes) > 0;
  }

  trashOf(userId: string): TrashedSpace[] {
    return this.#st('trashOf')
      .all(userId)
      .map((row) => {
        const deletedAt = row['deleted_at'];
        if (typeof deletedAt !== 'number') throw new Error('corrupt row: deleted_at');
        return { space: spaceOf(row), deletedAt };
      });
  }

  trashedBefore(before: number): string[] {
    return this.#st('trashedBefore')
      .all(before)
      .map((row) => text(row, 'id'));
  }

  purgeSpace(spaceId: string): boolean {
    // Memberships go with it (ON DELETE CASCADE, foreign keys are on).
    return Number(this.#st('purge').run(spaceId).changes) > 0;
  }

  upsertPerson(p: Person): void {
    this.#st('upsertPerson').run(p.id, p.name ?? null, p.email ?? null, Date.now());
  }

  getPerson(userId: string): Person | null {
    const row = this.#st('getPerson').get(userId);
    return row === undefined ? null : person(row);
  }

  allSpaces(): AdminSpace[] {
    return this.#db
      .prepare(
        `SELECT s.id, s.name, s.icon, s.description, s.created_at, s.deleted_at,
           COUNT(m.user_id) AS members,
           GROUP_CONCAT(CASE WHEN m.role = 'owner' THEN m.user_id END, ?) AS owners
         FROM spaces s LEFT JOIN members m ON m.space_id = s.id
         GROUP BY s.id ORDER BY s.name COLLATE NOCASE, s.id`,
      )
      .all(OWNER_SEPARATOR)
      .map(adminSpaceOf);
  }

  searchPeople(query: string, limit: number): Person[] {
    return this.#st('searchPeople')
      .all(likeContains(query), limit)
      .map((row) => person(row));
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSqlite(this.#db);
  }
}
