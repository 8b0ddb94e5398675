/**
 * Schema of the spaces store (spaces, members, people), one numbered list per
 * backend. SQLite files written before versioning (`user_version` 0) already
 * hold some of this, so its first steps say `IF NOT EXISTS` and add only the
 * columns a file lacks.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { PgMigration } from '../db/postgres.ts';
import type { SqliteMigration } from '../db/sqlite.ts';

/** Columns added to `spaces` after the first release (existing rows get NULL: unset). */
const ADDED_SPACE_COLUMNS: readonly (readonly [string, string])[] = [
  ['icon', 'TEXT'],
  ['description', 'TEXT'],
  // Set while the space is in the trash (epoch ms); NULL for a live space.
  ['deleted_at', 'INTEGER'],
];

/** SQLite has no `ADD COLUMN IF NOT EXISTS`, hence the look at table_info. */
function addMissingSpaceColumns(db: DatabaseSync): void {
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

/**
 * Directory columns of people provisioned by the IdP (SCIM or an import):
 * `scim_id` is the id the IdP addresses them by, `user_name` their sign-in
 * address (matched on first sign-in), `active` 0 once deactivated. A person
 * who only ever signed in has them NULL/1.
 */
const DIRECTORY_COLUMNS = `
ALTER TABLE people ADD COLUMN scim_id TEXT;
ALTER TABLE people ADD COLUMN user_name TEXT;
ALTER TABLE people ADD COLUMN external_id TEXT;
ALTER TABLE people ADD COLUMN title TEXT;
ALTER TABLE people ADD COLUMN department TEXT;
ALTER TABLE people ADD COLUMN manager TEXT;
ALTER TABLE people ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
CREATE UNIQUE INDEX people_by_scim_id ON people (scim_id);
CREATE UNIQUE INDEX people_by_user_name ON people (lower(user_name));`;

/**
 * SCIM groups and their members (by the member's SCIM id, so a membership
 * survives the person's first sign-in moving their record), the champion
 * mark on people, and adoption activity: one row per person per ISO week
 * (its presence means "active that week"), the week each note was first
 * edited (counted as created), one row per person, note and day so that
 * only the first edit of a day counts, and the spaces edited per week.
 */
const GROUPS_CHAMPIONS_ACTIVITY = `
CREATE TABLE scim_groups (
  id           TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  external_id  TEXT
);
CREATE UNIQUE INDEX scim_groups_by_name ON scim_groups (lower(display_name));
CREATE TABLE scim_group_members (
  group_id     TEXT NOT NULL REFERENCES scim_groups (id) ON DELETE CASCADE,
  user_scim_id TEXT NOT NULL,
  PRIMARY KEY (group_id, user_scim_id)
);
CREATE INDEX scim_group_members_by_user ON scim_group_members (user_scim_id);
ALTER TABLE people ADD COLUMN champion INTEGER NOT NULL DEFAULT 0;
CREATE TABLE activity_weeks (
  person_id     TEXT    NOT NULL,
  week          TEXT    NOT NULL,
  notes_created INTEGER NOT NULL DEFAULT 0,
  notes_edited  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (person_id, week)
);
CREATE INDEX activity_weeks_by_week ON activity_weeks (week);
CREATE TABLE activity_notes (
  space_id   TEXT NOT NULL,
  note_id    TEXT NOT NULL,
  first_week TEXT NOT NULL,
  PRIMARY KEY (space_id, note_id)
);
CREATE TABLE activity_edit_days (
  person_id TEXT NOT NULL,
  space_id  TEXT NOT NULL,
  note_id   TEXT NOT NULL,
  day       TEXT NOT NULL,
  PRIMARY KEY (person_id, space_id, note_id, day)
);
CREATE INDEX activity_edit_days_by_day ON activity_edit_days (day);
CREATE TABLE activity_spaces (
  space_id TEXT NOT NULL,
  week     TEXT NOT NULL,
  PRIMARY KEY (week, space_id)
);`;

/**
 * Open spaces: `visibility` 'private' (invite only, what every space was
 * before) or 'open' (anyone in the company may find, read and join it);
 * `join_role` is the role joining gives. The partial index serves the
 * directory, which lists open spaces only.
 */
const VISIBILITY_COLUMNS = `
ALTER TABLE spaces ADD COLUMN visibility TEXT NOT NULL DEFAULT 'private' CHECK (visibility IN ('private', 'open'));
ALTER TABLE spaces ADD COLUMN join_role TEXT NOT NULL DEFAULT 'viewer' CHECK (join_role IN ('editor', 'viewer'));
CREATE INDEX spaces_open ON spaces (name) WHERE visibility = 'open';`;

/**
 * Where a person works, as the directory says (SCIM `addresses` or the
 * import's `location`): shown on their profile, so colleagues know which
 * office and time zone they are in.
 */
const LOCATION_COLUMN = `
ALTER TABLE people ADD COLUMN location TEXT;`;

export const SQLITE_SPACE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'spaces, members and people',
    up: `
CREATE TABLE IF NOT EXISTS spaces (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  created_at  INTEGER NOT NULL
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
);`,
  },
  { version: 2, name: 'space icon, description and trash', up: addMissingSpaceColumns },
  { version: 3, name: 'provisioned people', up: DIRECTORY_COLUMNS },
  { version: 4, name: 'groups, champions and activity', up: GROUPS_CHAMPIONS_ACTIVITY },
  { version: 5, name: 'open spaces', up: VISIBILITY_COLUMNS },
  { version: 6, name: 'people location', up: LOCATION_COLUMN },
];

export const PG_SPACE_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'spaces, members and people',
    up: `
CREATE TABLE spaces (
  id          TEXT   PRIMARY KEY,
  name        TEXT   NOT NULL,
  created_at  BIGINT NOT NULL,
  icon        TEXT,
  description TEXT,
  deleted_at  BIGINT
);
CREATE TABLE members (
  space_id TEXT NOT NULL REFERENCES spaces (id) ON DELETE CASCADE,
  user_id  TEXT NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  PRIMARY KEY (space_id, user_id)
);
CREATE INDEX members_by_user ON members (user_id);
CREATE TABLE people (
  id        TEXT   PRIMARY KEY,
  name      TEXT,
  email     TEXT,
  last_seen BIGINT NOT NULL
);`,
  },
  { version: 2, name: 'provisioned people', up: DIRECTORY_COLUMNS },
  { version: 3, name: 'groups, champions and activity', up: GROUPS_CHAMPIONS_ACTIVITY },
  { version: 4, name: 'open spaces', up: VISIBILITY_COLUMNS },
  { version: 5, name: 'people location', up: LOCATION_COLUMN },
];
