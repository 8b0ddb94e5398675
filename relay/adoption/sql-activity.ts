/**
 * Adoption activity on the spaces store's database (it joins the directory's
 * departments), through the directory's SQL runner so the statements serve
 * SQLite and PostgreSQL alike. Writes are cheap by design: a sign-in is one
 * insert-or-nothing per person per week, and only the first edit of a note
 * per person per day reaches the database (activity-recorder.ts keeps the
 * rest in memory).
 */
import { optionalText, text } from '../spaces/rows.ts';
import type { SqlDb } from '../directory/sql-directory.ts';

/** One department's raw figures of one week, before any suppression. */
export interface DepartmentWeek {
  readonly week: string;
  /** Null for people without a department in the directory. */
  readonly department: string | null;
  readonly activePeople: number;
  readonly notesCreated: number;
  readonly notesEdited: number;
}

export interface ActivityStore {
  /** Marks `personId` active in `week` (sign-in, connection). */
  recordActive(personId: string, week: string): Promise<void>;
  /**
   * The first edit of a note by a person on `day`: counts an edited note,
   * a created one when nobody edited the note before, and the space as active.
   * Later edits of the same note, person and day change nothing.
   */
  recordEdit(edit: {
    readonly personId: string;
    readonly spaceId: string;
    readonly noteId: string;
    readonly day: string;
    readonly week: string;
  }): Promise<void>;
  /** Forgets the per-day edit markers before `day` (they only deduplicate within a day). */
  pruneEditDays(beforeDay: string): Promise<void>;
  /** Raw figures per week and department, for the weeks given. */
  departmentWeeks(weeks: readonly string[]): Promise<DepartmentWeek[]>;
  /** How many spaces had an edit, per week. */
  activeSpaces(weeks: readonly string[]): Promise<ReadonlyMap<string, number>>;
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

export function sqlActivity(db: SqlDb): ActivityStore {
  return {
    recordActive: async (personId, week) => {
      await db.run(
        'INSERT INTO activity_weeks (person_id, week) VALUES (?, ?) ON CONFLICT DO NOTHING',
        [personId, week],
      );
    },
    recordEdit: (edit) =>
      db.transaction(async (tx) => {
        const first = await tx.run(
          'INSERT INTO activity_edit_days (person_id, space_id, note_id, day) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
          [edit.personId, edit.spaceId, edit.noteId, edit.day],
        );
        if (first === 0) return;
        const created = await tx.run(
          'INSERT INTO activity_notes (space_id, note_id, first_week) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
          [edit.spaceId, edit.noteId, edit.week],
        );
        await tx.run(
          `INSERT INTO activity_weeks (person_id, week, notes_created, notes_edited) VALUES (?, ?, ?, 1)
           ON CONFLICT (person_id, week) DO UPDATE SET
             notes_created = activity_weeks.notes_created + excluded.notes_created,
             notes_edited = activity_weeks.notes_edited + 1`,
          [edit.personId, edit.week, created],
        );
        await tx.run(
          'INSERT INTO activity_spaces (space_id, week) VALUES (?, ?) ON CONFLICT DO NOTHING',
          [edit.spaceId, edit.week],
        );
      }),
    pruneEditDays: async (beforeDay) => {
      await db.run('DELETE FROM activity_edit_days WHERE day < ?', [beforeDay]);
    },
    departmentWeeks: async (weeks) => {
      if (weeks.length === 0) return [];
      const rows = await db.all(
        `SELECT a.week AS week, p.department AS department, COUNT(*) AS people,
           SUM(a.notes_created) AS created, SUM(a.notes_edited) AS edited
         FROM activity_weeks a LEFT JOIN people p ON p.id = a.person_id
         WHERE a.week IN (${placeholders(weeks.length)})
         GROUP BY a.week, p.department`,
        weeks,
      );
      return rows.map((row) => ({
        week: text(row, 'week'),
        department: optionalText(row, 'department') ?? null,
        activePeople: Number(row['people']),
        notesCreated: Number(row['created'] ?? 0),
        notesEdited: Number(row['edited'] ?? 0),
      }));
    },
    activeSpaces: async (weeks) => {
      if (weeks.length === 0) return new Map();
      const rows = await db.all(
        `SELECT week, COUNT(*) AS n FROM activity_spaces WHERE week IN (${placeholders(weeks.length)}) GROUP BY week`,
        weeks,
      );
      return new Map(rows.map((row) => [text(row, 'week'), Number(row['n'])]));
    },
  };
}
