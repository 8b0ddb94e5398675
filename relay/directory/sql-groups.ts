/**
 * SCIM groups on the spaces store's database, through the directory's SQL
 * runner (same statements for SQLite and PostgreSQL). Members are kept by
 * their SCIM user id: the IdP addresses them so, and the person's record id
 * changes on first sign-in while their SCIM id does not.
 */
import { optionalText, text, type Row } from '../spaces/rows.ts';
import type { SqlDb, SqlRunner } from './sql-directory.ts';

/** A SCIM group as stored. */
export interface DirectoryGroup {
  readonly id: string;
  readonly displayName: string;
  readonly externalId?: string | undefined;
  /** SCIM ids of the members, sorted. */
  readonly members: readonly string[];
}

export interface GroupPage {
  readonly total: number;
  readonly groups: readonly DirectoryGroup[];
}

/** What a change of members did: who joined and who left (SCIM user ids). */
export interface MemberChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export interface GroupStore {
  /** Creates a group; `conflict` when the display name is taken (case-insensitive). */
  create(group: DirectoryGroup): Promise<DirectoryGroup | 'conflict'>;
  get(id: string): Promise<DirectoryGroup | null>;
  /** Groups by name, optionally only `displayName` (case-insensitive), paged. */
  list(displayName: string | null, offset: number, limit: number): Promise<GroupPage>;
  /**
   * Renames and replaces the member list at once; `conflict` on a taken name,
   * null when there is no such group. Unknown member ids are kept (the IdP
   * may send a group before its people).
   */
  replace(
    group: DirectoryGroup,
  ): Promise<(MemberChange & { group: DirectoryGroup }) | 'conflict' | null>;
  /** Deletes the group; its former members, or null when there was none. */
  remove(id: string): Promise<readonly string[] | null>;
  /** Whether the active person with record id `personId` belongs to the group named `displayName`. */
  isMember(displayName: string, personId: string): Promise<boolean>;
  /** Record ids of the people with these SCIM ids (unknown ones left out). */
  personIds(scimIds: readonly string[]): Promise<readonly string[]>;
}

const byName = 'lower(display_name) = lower(?)';

export function sqlGroups(db: SqlDb): GroupStore {
  const members = async (runner: SqlRunner, id: string): Promise<string[]> =>
    (
      await runner.all(
        'SELECT user_scim_id FROM scim_group_members WHERE group_id = ? ORDER BY user_scim_id',
        [id],
      )
    ).map((row) => text(row, 'user_scim_id'));
  const groupOf = async (runner: SqlRunner, row: Row): Promise<DirectoryGroup> => {
    const id = text(row, 'id');
    return {
      id,
      displayName: text(row, 'display_name'),
      externalId: optionalText(row, 'external_id'),
      members: await members(runner, id),
    };
  };
  const read = async (runner: SqlRunner, id: string) => {
    const [row] = await runner.all(
      'SELECT id, display_name, external_id FROM scim_groups WHERE id = ?',
      [id],
    );
    return row === undefined ? null : groupOf(runner, row);
  };
  const nameTaken = async (runner: SqlRunner, name: string, id: string) =>
    (await runner.all(`SELECT id FROM scim_groups WHERE ${byName} AND id <> ?`, [name, id]))
      .length > 0;
  const insertMembers = async (runner: SqlRunner, id: string, ids: readonly string[]) => {
    for (const member of new Set(ids)) {
      await runner.run(
        'INSERT INTO scim_group_members (group_id, user_scim_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
        [id, member],
      );
    }
  };
  return {
    create: (group) =>
      db.transaction(async (tx) => {
        if (await nameTaken(tx, group.displayName, group.id)) return 'conflict';
        await tx.run('INSERT INTO scim_groups (id, display_name, external_id) VALUES (?, ?, ?)', [
          group.id,
          group.displayName,
          group.externalId ?? null,
        ]);
        await insertMembers(tx, group.id, group.members);
        const stored = await read(tx, group.id);
        if (stored === null) throw new Error('created group vanished');
        return stored;
      }),
    get: (id) => read(db, id),
    list: async (displayName, offset, limit) => {
      const where = displayName === null ? '' : `WHERE ${byName}`;
      const filter = displayName === null ? [] : [displayName];
      const [count] = await db.all(`SELECT COUNT(*) AS n FROM scim_groups ${where}`, filter);
      const rows = await db.all(
        `SELECT id, display_name, external_id FROM scim_groups ${where} ORDER BY lower(display_name), id LIMIT ? OFFSET ?`,
        [...filter, limit, offset],
      );
      const groups: DirectoryGroup[] = [];
      for (const row of rows) groups.push(await groupOf(db, row));
      return { total: Number(count?.['n'] ?? 0), groups };
    },
    replace: (group) =>
      db.transaction(async (tx) => {
        const before = await read(tx, group.id);
        if (before === null) return null;
        if (await nameTaken(tx, group.displayName, group.id)) return 'conflict';
        await tx.run('UPDATE scim_groups SET display_name = ?, external_id = ? WHERE id = ?', [
          group.displayName,
          group.externalId ?? null,
          group.id,
        ]);
        const next = new Set(group.members);
        const removed = before.members.filter((m) => !next.has(m));
        for (const member of removed) {
          await tx.run('DELETE FROM scim_group_members WHERE group_id = ? AND user_scim_id = ?', [
            group.id,
            member,
          ]);
        }
        const had = new Set(before.members);
        const added = [...next].filter((m) => !had.has(m)).sort();
        await insertMembers(tx, group.id, added);
        const stored = await read(tx, group.id);
        if (stored === null) throw new Error('replaced group vanished');
        return { group: stored, added, removed };
      }),
    remove: (id) =>
      db.transaction(async (tx) => {
        const before = await read(tx, id);
        if (before === null) return null;
        await tx.run('DELETE FROM scim_group_members WHERE group_id = ?', [id]);
        await tx.run('DELETE FROM scim_groups WHERE id = ?', [id]);
        return before.members;
      }),
    isMember: async (displayName, personId) =>
      (
        await db.all(
          `SELECT 1 AS one FROM scim_groups g
           JOIN scim_group_members m ON m.group_id = g.id
           JOIN people p ON p.scim_id = m.user_scim_id
           WHERE lower(g.display_name) = lower(?) AND p.id = ? AND p.active <> 0`,
          [displayName, personId],
        )
      ).length > 0,
    personIds: async (scimIds) => {
      const ids: string[] = [];
      for (const scimId of scimIds) {
        const [row] = await db.all('SELECT id FROM people WHERE scim_id = ?', [scimId]);
        if (row !== undefined) ids.push(text(row, 'id'));
      }
      return ids;
    },
  };
}
