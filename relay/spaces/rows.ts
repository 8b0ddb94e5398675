/** Reading spaces, members and people out of result rows, the same for SQLite and PostgreSQL. */
import type { AdminSpace } from '../../shared/admin-api.ts';
import { RoleSchema, type Person, type Role, type Space } from '../../shared/api.ts';

/** A result row of either backend. */
export type Row = Record<string, unknown>;

export function text(row: Row, key: string): string {
  const value = row[key];
  if (typeof value !== 'string') throw new Error(`corrupt row: ${key} is not text`);
  return value;
}

export function optionalText(row: Row, key: string): string | undefined {
  const value = row[key];
  return typeof value === 'string' ? value : undefined;
}

/** A space row; unset icon and description are left out (see SpaceSchema). */
export function spaceOf(row: Row): Space {
  const icon = optionalText(row, 'icon');
  const description = optionalText(row, 'description');
  return {
    id: text(row, 'id'),
    name: text(row, 'name'),
    ...(icon === undefined ? {} : { icon }),
    ...(description === undefined ? {} : { description }),
  };
}

export function role(row: Row): Role {
  return RoleSchema.parse(row['role']);
}

export function person(row: Row, idKey = 'id'): Person {
  const name = optionalText(row, 'name');
  const email = optionalText(row, 'email');
  return {
    id: text(row, idKey),
    ...(name === undefined ? {} : { name }),
    ...(email === undefined ? {} : { email }),
    // Absent from queries that do not select it; only a marked person carries it.
    ...(Number(row['champion'] ?? 0) !== 0 ? { champion: true as const } : {}),
  };
}

/** Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`. */
export function likeContains(query: string): string {
  return `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Separates owner ids in the aggregated `owners` column (a control character no id holds). */
export const OWNER_SEPARATOR = '\u001f';

/** A row of `allSpaces`: the space, its dates, member count and owners. */
export function adminSpaceOf(row: Row): AdminSpace {
  const owners = optionalText(row, 'owners');
  const deletedAt = row['deleted_at'];
  return {
    ...spaceOf(row),
    createdAt: Number(row['created_at']),
    deletedAt: deletedAt === null || deletedAt === undefined ? null : Number(deletedAt),
    members: Number(row['members']),
    owners: owners === undefined || owners === '' ? [] : owners.split(OWNER_SEPARATOR).sort(),
  };
}
