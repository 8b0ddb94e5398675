/**
 * Visibility of spaces (private or open) and joining open ones, in SQL both
 * SQLite and PostgreSQL run, through the directory's small runners
 * (directory/sqlite-runner.ts, directory/pg-runner.ts). Only live spaces
 * count: a trashed space is neither open nor joinable.
 */
import { RoleSchema, type Role, type Space } from '../../shared/api.ts';
import {
  JoinRoleSchema,
  VisibilitySchema,
  type JoinRole,
  type SpaceVisibility,
} from '../../shared/open-spaces-api.ts';
import type { SqlDb } from '../directory/sql-directory.ts';
import type { MaybePromise } from '../storage/types.ts';
import { likeContains, spaceOf, type Row } from './rows.ts';

/** An open space as the directory lists it, before activity is added. */
export interface OpenSpaceRow {
  readonly space: Space;
  readonly joinRole: JoinRole;
  readonly members: number;
  /** The asking person's role, or null. */
  readonly myRole: Role | null;
}

export interface OpenSpaceStore {
  /** A live space's visibility and join role, or null when it does not exist. */
  visibilityOf(spaceId: string): MaybePromise<SpaceVisibility | null>;
  /** Sets both; false when there is no such live space. */
  setVisibility(spaceId: string, value: SpaceVisibility): MaybePromise<boolean>;
  /**
   * Open spaces whose name or description contains `query` (case-insensitive),
   * by name, at most `limit`, with `userId`'s role in each.
   */
  listOpen(userId: string, query: string, limit: number): MaybePromise<OpenSpaceRow[]>;
  /**
   * Makes `userId` a member of an open space with its join role, in one
   * statement; a member keeps the role they have. Their role afterwards, or
   * null when the space is not open (private, trashed or unknown) and they
   * are not a member.
   */
  join(spaceId: string, userId: string): MaybePromise<Role | null>;
}

function visibility(row: Row): SpaceVisibility {
  return {
    visibility: VisibilitySchema.parse(row['visibility']),
    joinRole: JoinRoleSchema.parse(row['join_role']),
  };
}

/** The store on either backend's runner. */
export function sqlOpenSpaces(db: SqlDb): OpenSpaceStore {
  return {
    async visibilityOf(spaceId) {
      const [row] = await db.all(
        'SELECT visibility, join_role FROM spaces WHERE id = ? AND deleted_at IS NULL',
        [spaceId],
      );
      return row === undefined ? null : visibility(row);
    },
    async setVisibility(spaceId, value) {
      const changed = await db.run(
        'UPDATE spaces SET visibility = ?, join_role = ? WHERE id = ? AND deleted_at IS NULL',
        [value.visibility, value.joinRole, spaceId],
      );
      return changed > 0;
    },
    async listOpen(userId, query, limit) {
      // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
      const pattern = likeContains(query.toLowerCase());
      const rows = await db.all(
        `SELECT s.id, s.name, s.icon, s.description, s.join_role,
           (SELECT COUNT(*) FROM members m WHERE m.space_id = s.id) AS member_count,
           (SELECT m.role FROM members m WHERE m.space_id = s.id AND m.user_id = ?) AS my_role
         FROM spaces s
         WHERE s.visibility = 'open' AND s.deleted_at IS NULL
           AND (lower(s.name) LIKE ? ESCAPE '\\' OR lower(COALESCE(s.description, '')) LIKE ? ESCAPE '\\')
         ORDER BY lower(s.name), s.id
         LIMIT ?`,
        [userId, pattern, pattern, limit],
      );
      return rows.map((row) => ({
        space: spaceOf(row),
        joinRole: JoinRoleSchema.parse(row['join_role']),
        members: Number(row['member_count']),
        myRole: row['my_role'] == null ? null : RoleSchema.parse(row['my_role']),
      }));
    },
    async join(spaceId, userId) {
      return db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO members (space_id, user_id, role)
           SELECT id, ?, join_role FROM spaces
           WHERE id = ? AND visibility = 'open' AND deleted_at IS NULL
           ON CONFLICT (space_id, user_id) DO NOTHING`,
          [userId, spaceId],
        );
        const [row] = await tx.all(
          `SELECT m.role FROM members m JOIN spaces s ON s.id = m.space_id
           WHERE m.space_id = ? AND m.user_id = ? AND s.deleted_at IS NULL`,
          [spaceId, userId],
        );
        return row === undefined ? null : RoleSchema.parse(row['role']);
      });
    },
  };
}
