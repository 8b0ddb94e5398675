/**
 * `SpaceStore` on PostgreSQL, shared by every relay node: a space created or
 * a member added through one node is what every other node authorises
 * against. Queries only; the pool comes from relay/db (opened and migrated
 * once for all the relay's stores) and is not closed here.
 *
 * Membership changes that must keep an owner lock the space's row first
 * (`FOR UPDATE`): two nodes demoting the last two owners at once then run
 * one after the other, and the second sees a single owner left.
 */
import type pg from 'pg';
import type { Member, MySpace, Person, Role, Space } from '../../shared/api.ts';
import { pgTransaction } from '../db/postgres.ts';
import type { AdminSpace } from '../../shared/admin-api.ts';
import {
  adminSpaceOf,
  likeContains,
  OWNER_SEPARATOR,
  person,
  role,
  spaceOf,
  text,
  type Row,
} from './rows.ts';
import { pgRunner } from '../directory/pg-runner.ts';
import { sqlDirectory } from '../directory/sql-directory.ts';
import type { DirectoryStore } from '../directory/types.ts';
import { sqlOpenSpaces, type OpenSpaceStore } from './open-spaces.ts';
import type { MembershipResult, SpaceSettingsPatch, SpaceStore, TrashedSpace } from './types.ts';

/** Orders names like SQLite's `COLLATE NOCASE` (ASCII case folded, then bytes), ids by bytes. */
const BY_NAME = (name: string, id: string): string =>
  `lower(${name} COLLATE "C"), ${id} COLLATE "C"`;

type Queryable = pg.Pool | pg.PoolClient;

export class PostgresSpaceStore implements SpaceStore {
  readonly #pool: pg.Pool;
  readonly directory: DirectoryStore;
  readonly openSpaces: OpenSpaceStore;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
    // One runner: its transactions queue behind each other on the one connection.
    const runner = pgRunner(pool);
    this.directory = sqlDirectory(runner);
    this.openSpaces = sqlOpenSpaces(runner);
  }

  async #rows(sql: string, params: unknown[], db: Queryable = this.#pool): Promise<Row[]> {
    return (await db.query<Row>(sql, params)).rows;
  }

  async #changes(sql: string, params: unknown[], db: Queryable = this.#pool): Promise<number> {
    return (await db.query(sql, params)).rowCount ?? 0;
  }

  async createSpace(space: Space, ownerId: string): Promise<void> {
    await pgTransaction(this.#pool, async (client) => {
      await client.query(
        'INSERT INTO spaces (id, name, created_at, icon, description) VALUES ($1, $2, $3, $4, $5)',
        [space.id, space.name, Date.now(), space.icon ?? null, space.description ?? null],
      );
      await client.query('INSERT INTO members (space_id, user_id, role) VALUES ($1, $2, $3)', [
        space.id,
        ownerId,
        'owner',
      ]);
    });
  }

  async getSpace(spaceId: string): Promise<Space | null> {
    const [row] = await this.#rows(
      'SELECT id, name, icon, description FROM spaces WHERE id = $1 AND deleted_at IS NULL',
      [spaceId],
    );
    return row === undefined ? null : spaceOf(row);
  }

  async updateSpace(spaceId: string, patch: SpaceSettingsPatch): Promise<Space | null> {
    // One statement: fields absent from the patch keep their stored value.
    const [row] = await this.#rows(
      `UPDATE spaces SET
         name = COALESCE($1, name),
         icon = CASE WHEN $2 THEN $3 ELSE icon END,
         description = CASE WHEN $4 THEN $5 ELSE description END
       WHERE id = $6 AND deleted_at IS NULL
       RETURNING id, name, icon, description`,
      [
        patch.name ?? null,
        patch.icon !== undefined,
        patch.icon ?? null,
        patch.description !== undefined,
        patch.description ?? null,
        spaceId,
      ],
    );
    return row === undefined ? null : spaceOf(row);
  }

  async spacesOf(userId: string): Promise<MySpace[]> {
    const rows = await this.#rows(
      `SELECT s.id, s.name, s.icon, s.description, m.role FROM members m
       JOIN spaces s ON s.id = m.space_id
       WHERE m.user_id = $1 AND s.deleted_at IS NULL ORDER BY ${BY_NAME('s.name', 's.id')}`,
      [userId],
    );
    return rows.map((row) => ({ ...spaceOf(row), role: role(row) }));
  }

  async roleOf(spaceId: string, userId: string, db: Queryable = this.#pool): Promise<Role | null> {
    const [row] = await this.#rows(
      `SELECT m.role FROM members m JOIN spaces s ON s.id = m.space_id
       WHERE m.space_id = $1 AND m.user_id = $2 AND s.deleted_at IS NULL`,
      [spaceId, userId],
      db,
    );
    return row === undefined ? null : role(row);
  }

  async members(spaceId: string): Promise<Member[]> {
    const rows = await this.#rows(
      `SELECT m.user_id, m.role, p.name, p.email, p.champion FROM members m
       LEFT JOIN people p ON p.id = m.user_id
       WHERE m.space_id = $1 ORDER BY ${BY_NAME('COALESCE(p.name, m.user_id)', 'm.user_id')}`,
      [spaceId],
    );
    return rows.map((row) => ({ ...person(row, 'user_id'), role: role(row) }));
  }

  /** Locks the space's row for the transaction and counts its owners. */
  async #lockedOwnerCount(client: pg.PoolClient, spaceId: string): Promise<number> {
    await client.query('SELECT 1 FROM spaces WHERE id = $1 FOR UPDATE', [spaceId]);
    const [row] = await this.#rows(
      "SELECT COUNT(*) AS n FROM members WHERE space_id = $1 AND role = 'owner'",
      [spaceId],
      client,
    );
    return Number(row?.['n'] ?? 0);
  }

  async setRole(spaceId: string, userId: string, newRole: Role): Promise<MembershipResult> {
    return pgTransaction(this.#pool, async (client) => {
      const owners = await this.#lockedOwnerCount(client, spaceId);
      const current = await this.roleOf(spaceId, userId, client);
      if (current === 'owner' && newRole !== 'owner' && owners <= 1) return 'last-owner';
      await client.query(
        `INSERT INTO members (space_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (space_id, user_id) DO UPDATE SET role = excluded.role`,
        [spaceId, userId, newRole],
      );
      return 'ok';
    });
  }

  async removeMember(spaceId: string, userId: string): Promise<MembershipResult> {
    return pgTransaction(this.#pool, async (client) => {
      const owners = await this.#lockedOwnerCount(client, spaceId);
      const current = await this.roleOf(spaceId, userId, client);
      if (current === null) return 'not-member';
      if (current === 'owner' && owners <= 1) return 'last-owner';
      await client.query('DELETE FROM members WHERE space_id = $1 AND user_id = $2', [
        spaceId,
        userId,
      ]);
      return 'ok';
    });
  }

  async trashSpace(spaceId: string, at: number): Promise<boolean> {
    const sql = 'UPDATE spaces SET deleted_at = $1 WHERE id = $2 AND deleted_at IS NULL';
    return (await this.#changes(sql, [at, spaceId])) > 0;
  }

  async restoreSpace(spaceId: string): Promise<boolean> {
    const sql = 'UPDATE spaces SET deleted_at = NULL WHERE id = $1 AND deleted_at IS NOT NULL';
    return (await this.#changes(sql, [spaceId])) > 0;
  }

  async trashOf(userId: string): Promise<TrashedSpace[]> {
    const rows = await this.#rows(
      `SELECT s.id, s.name, s.icon, s.description, s.deleted_at FROM members m
       JOIN spaces s ON s.id = m.space_id
       WHERE m.user_id = $1 AND m.role = 'owner' AND s.deleted_at IS NOT NULL
       ORDER BY s.deleted_at DESC, s.id COLLATE "C"`,
      [userId],
    );
    return rows.map((row) => ({ space: spaceOf(row), deletedAt: Number(row['deleted_at']) }));
  }

  async trashedBefore(before: number): Promise<string[]> {
    const rows = await this.#rows(
      'SELECT id FROM spaces WHERE deleted_at IS NOT NULL AND deleted_at <= $1',
      [before],
    );
    return rows.map((row) => text(row, 'id'));
  }

  async purgeSpace(spaceId: string): Promise<boolean> {
    // Memberships go with it (ON DELETE CASCADE).
    const sql = 'DELETE FROM spaces WHERE id = $1 AND deleted_at IS NOT NULL';
    return (await this.#changes(sql, [spaceId])) > 0;
  }

  async upsertPerson(p: Person): Promise<void> {
    await this.#pool.query(
      `INSERT INTO people (id, name, email, last_seen) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET
         name = excluded.name, email = excluded.email, last_seen = excluded.last_seen`,
      [p.id, p.name ?? null, p.email ?? null, Date.now()],
    );
  }

  async getPerson(userId: string): Promise<Person | null> {
    const [row] = await this.#rows('SELECT id, name, email, champion FROM people WHERE id = $1', [
      userId,
    ]);
    return row === undefined ? null : person(row);
  }

  async allSpaces(): Promise<AdminSpace[]> {
    const rows = await this.#rows(
      `SELECT s.id, s.name, s.icon, s.description, s.created_at, s.deleted_at,
         COUNT(m.user_id)::int AS members,
         string_agg(m.user_id, $1) FILTER (WHERE m.role = 'owner') AS owners
       FROM spaces s LEFT JOIN members m ON m.space_id = s.id
       GROUP BY s.id ORDER BY ${BY_NAME('s.name', 's.id')}`,
      [OWNER_SEPARATOR],
    );
    return rows.map(adminSpaceOf);
  }

  async searchPeople(query: string, limit: number): Promise<Person[]> {
    // ILIKE: SQLite's LIKE is case-insensitive (ASCII), PostgreSQL's is not.
    // Deactivated people keep their name on what they wrote but are not offered any more.
    const rows = await this.#rows(
      `SELECT id, name, email, champion FROM people
       WHERE active <> 0
         AND (id ILIKE $1 ESCAPE '\\' OR name ILIKE $1 ESCAPE '\\' OR email ILIKE $1 ESCAPE '\\')
       ORDER BY ${BY_NAME('COALESCE(name, id)', 'id')} LIMIT $2`,
      [likeContains(query), limit],
    );
    return rows.map((row) => person(row));
  }

  /** The pool belongs to whoever opened it (relay/db); nothing to release here. */
  close(): void {
    // Intentionally empty.
  }
}
