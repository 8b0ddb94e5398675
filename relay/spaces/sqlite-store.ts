/**
 * `SpaceStore` on SQLite (`node:sqlite`, WAL), in its own file beside the
 * documents (`spaces.sqlite`), so that document storage can be swapped
 * without moving membership, and vice versa.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import {
  RoleSchema,
  type Member,
  type MySpace,
  type Person,
  type Role,
  type Space,
} from '../../shared/api.ts';
import type { MembershipResult, SpaceSettingsPatch, SpaceStore, TrashedSpace } from './types.ts';

/** File name of the membership database inside the data directory. */
export const SPACES_FILE = 'spaces.sqlite';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS spaces (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  icon        TEXT,
  description TEXT
);
CREATE TABLE IF NOT EXISTS members (
  space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id  TEXT NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  PRIMARY KEY (space_id, user_id)
);
CREATE INDEX IF NOT EXISTS members_by_user ON members (user_id);
CREATE TABLE IF NOT EXISTS people (
  id        TEXT PRIMARY KEY,
  name      TEXT,
  email     TEXT,
  last_seen INTEGER NOT NULL
);
`;

/**
 * Columns added after the first release, with their definitions: a database
 * made before them gains them on open (existing rows get NULL, i.e. unset).
 * SQLite has no `ADD COLUMN IF NOT EXISTS`, hence the check of table_info.
 */
const ADDED_SPACE_COLUMNS: readonly (readonly [string, string])[] = [
  ['icon', 'TEXT'],
  ['description', 'TEXT'],
  // Set while the space is in the trash (epoch ms); NULL for a live space.
  ['deleted_at', 'INTEGER'],
];

/** Adds the columns of `ADDED_SPACE_COLUMNS` that `db`'s spaces table lacks. */
function migrateSpaces(db: DatabaseSync): void {
  const have = new Set(
    db
      .prepare('PRAGMA table_info(spaces)')
      .all()
      .map((row) => row['name']),
  );
  for (const [column, type] of ADDED_SPACE_COLUMNS) {
    if (!have.has(column)) db.exec(`ALTER TABLE spaces ADD COLUMN ${column} ${type}`);
  }
}

type Row = Record<string, SQLInputValue>;

function text(row: Row, key: string): string {
  const value = row[key];
  if (typeof value !== 'string') throw new Error(`corrupt row: ${key} is not text`);
  return value;
}

function optionalText(row: Row, key: string): string | undefined {
  const value = row[key];
  return typeof value === 'string' ? value : undefined;
}

/** A space row; unset icon and description are left out (see SpaceSchema). */
function spaceOf(row: Row): Space {
  const icon = optionalText(row, 'icon');
  const description = optionalText(row, 'description');
  return {
    id: text(row, 'id'),
    name: text(row, 'name'),
    ...(icon === undefined ? {} : { icon }),
    ...(description === undefined ? {} : { description }),
  };
}

function role(row: Row): Role {
  return RoleSchema.parse(row['role']);
}

function person(row: Row, idKey = 'id'): Person {
  const name = optionalText(row, 'name');
  const email = optionalText(row, 'email');
  return {
    id: text(row, idKey),
    ...(name === undefined ? {} : { name }),
    ...(email === undefined ? {} : { email }),
  };
}

/** Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`. */
function likeContains(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class SqliteSpaceStore implements SpaceStore {
  readonly #db: DatabaseSync;
  readonly #s: Record<string, StatementSync>;
  #closed = false;

  constructor(options: { readonly dataDir: string }) {
    mkdirSync(options.dataDir, { recursive: true });
    this.#db = new DatabaseSync(join(options.dataDir, SPACES_FILE));
    this.#db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;',
    );
    this.#db.exec(SCHEMA);
    migrateSpaces(this.#db);
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
        'SELECT m.user_id, m.role, p.name, p.email FROM members m LEFT JOIN people p ON p.id = m.user_id WHERE m.space_id = ? ORDER BY COALESCE(p.name, m.user_id) COLLATE NOCASE, m.user_id',
      ),
      owners: p("SELECT COUNT(*) AS n FROM members WHERE space_id = ? AND role = 'owner'"),
      upsertMember: p(
        'INSERT INTO members (space_id, user_id, role) VALUES (?, ?, ?) ON CONFLICT (space_id, user_id) DO UPDATE SET role = excluded.role',
      ),
      deleteMember: p('DELETE FROM members WHERE space_id = ? AND user_id = ?'),
      upsertPerson: p(
        'INSERT INTO people (id, name, email, last_seen) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, last_seen = excluded.last_seen',
      ),
      getPerson: p('SELECT id, name, email FROM people WHERE id = ?'),
      searchPeople: p(
        "SELECT id, name, email FROM people WHERE id LIKE ?1 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\' OR email LIKE ?1 ESCAPE '\\' ORDER BY COALESCE(name, id) COLLATE NOCASE, id LIMIT ?2",
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
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const result = body();
      this.#db.exec('COMMIT');
      return result;
    } catch (err) {
      this.#db.exec('ROLLBACK');
      throw err;
    }
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

  searchPeople(query: string, limit: number): Person[] {
    return this.#st('searchPeople')
      .all(likeContains(query), limit)
      .map((row) => person(row));
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    this.#db.close();
  }
}
