/**
 * The knowledge store on either backend: the same SQL on SQLite and
 * PostgreSQL, run by runner.ts. Edit counts are upserts (one row per note
 * per person), never a row per update.
 */
import type { KnowledgeRunner, Param, Row, Statement } from './runner.ts';
import {
  noteKey,
  type Authorship,
  type EditTally,
  type KnowledgeStore,
  type NoteTextRow,
  type StoredProfile,
} from './types.ts';

/** Most notes one `IN (…)` names: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new Error('corrupt knowledge row');
}

function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function authorshipFromRow(row: Row): Authorship {
  return {
    spaceId: str(row['space']),
    docId: str(row['doc']),
    person: str(row['person']),
    edits: Number(row['edits']),
    firstAt: num(row['first_at']),
    lastAt: num(row['last_at']),
    comments: Number(row['comments']),
  };
}

function tags(value: unknown): string[] {
  const parsed: unknown = JSON.parse(str(value));
  return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
}

function profileFromRow(row: Row): StoredProfile {
  return {
    person: str(row['person']),
    skills: tags(row['skills']),
    askMeAbout: tags(row['topics']),
    expertOptIn: Number(row['opt_in']) === 1,
  };
}

const ADD_EDITS = `
INSERT INTO knowledge_authorship (space, doc, person, edits, first_at, last_at, comments)
VALUES (?, ?, ?, ?, ?, ?, 0)
ON CONFLICT (space, doc, person) DO UPDATE SET
  edits = knowledge_authorship.edits + excluded.edits,
  first_at = CASE WHEN knowledge_authorship.first_at IS NULL OR excluded.first_at < knowledge_authorship.first_at
             THEN excluded.first_at ELSE knowledge_authorship.first_at END,
  last_at = CASE WHEN knowledge_authorship.last_at IS NULL OR excluded.last_at > knowledge_authorship.last_at
            THEN excluded.last_at ELSE knowledge_authorship.last_at END`;

const SET_COMMENTS = `
INSERT INTO knowledge_authorship (space, doc, person, edits, first_at, last_at, comments)
VALUES (?, ?, ?, 0, NULL, NULL, ?)
ON CONFLICT (space, doc, person) DO UPDATE SET comments = excluded.comments`;

export class SqlKnowledgeStore implements KnowledgeStore {
  readonly #db: KnowledgeRunner;

  constructor(runner: KnowledgeRunner) {
    this.#db = runner;
  }

  async addEdits(tallies: readonly EditTally[]): Promise<void> {
    if (tallies.length === 0) return;
    await this.#db.batch(
      tallies.map((t): Statement => [
        ADD_EDITS,
        [t.spaceId, t.docId, t.person, t.edits, t.firstAt, t.lastAt],
      ]),
    );
  }

  async setComments(
    spaceId: string,
    docId: string,
    byPerson: ReadonlyMap<string, number>,
  ): Promise<void> {
    const statements: Statement[] = [
      [
        'UPDATE knowledge_authorship SET comments = 0 WHERE space = ? AND doc = ? AND comments <> 0',
        [spaceId, docId],
      ],
    ];
    for (const [person, count] of byPerson) {
      statements.push([SET_COMMENTS, [spaceId, docId, person, count]]);
    }
    await this.#db.batch(statements);
  }

  async authorshipOf(notes: readonly { spaceId: string; docId: string }[]): Promise<Authorship[]> {
    const wanted = new Set(notes.map((n) => noteKey(n.spaceId, n.docId)));
    const rows = await this.#byDocs(
      'SELECT space, doc, person, edits, first_at, last_at, comments FROM knowledge_authorship',
      notes,
    );
    return rows.map(authorshipFromRow).filter((a) => wanted.has(noteKey(a.spaceId, a.docId)));
  }

  async notesOf(person: string, limit: number): Promise<Authorship[]> {
    const rows = await this.#db.all(
      `SELECT space, doc, person, edits, first_at, last_at, comments FROM knowledge_authorship
       WHERE person = ? ORDER BY last_at DESC LIMIT ?`,
      [person, limit],
    );
    return rows.map(authorshipFromRow);
  }

  async putText(row: NoteTextRow): Promise<void> {
    await this.#db.batch([
      [
        `INSERT INTO knowledge_notes (space, doc, title, body, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (space, doc) DO UPDATE SET title = excluded.title, body = excluded.body,
           updated_at = excluded.updated_at`,
        [row.spaceId, row.docId, row.title, row.text, row.updatedAt],
      ],
    ]);
  }

  async textsSince(since: number): Promise<NoteTextRow[]> {
    const rows = await this.#db.all(
      'SELECT space, doc, title, body, updated_at FROM knowledge_notes WHERE updated_at >= ? ORDER BY updated_at',
      [since],
    );
    return rows.map((r) => ({
      spaceId: str(r['space']),
      docId: str(r['doc']),
      title: str(r['title']),
      text: str(r['body']),
      updatedAt: Number(r['updated_at']),
    }));
  }

  async titles(notes: readonly { spaceId: string; docId: string }[]): Promise<Map<string, string>> {
    const rows = await this.#byDocs('SELECT space, doc, title FROM knowledge_notes', notes);
    return new Map(rows.map((r) => [noteKey(str(r['space']), str(r['doc'])), str(r['title'])]));
  }

  async forget(spaceId: string, docId: string | null, at: number): Promise<void> {
    const where = docId === null ? 'space = ?' : 'space = ? AND doc = ?';
    const params: Param[] = docId === null ? [spaceId] : [spaceId, docId];
    await this.#db.batch([
      [`DELETE FROM knowledge_authorship WHERE ${where}`, params],
      [
        `UPDATE knowledge_notes SET title = '', body = '', updated_at = ? WHERE ${where}`,
        [at, ...params],
      ],
    ]);
  }

  async profile(person: string): Promise<StoredProfile | null> {
    const [row] = await this.#db.all(
      'SELECT person, skills, topics, opt_in FROM knowledge_profiles WHERE person = ?',
      [person],
    );
    return row === undefined ? null : profileFromRow(row);
  }

  async profiles(people: readonly string[]): Promise<StoredProfile[]> {
    const out: StoredProfile[] = [];
    for (let i = 0; i < people.length; i += CHUNK) {
      const chunk = people.slice(i, i + CHUNK);
      const rows = await this.#db.all(
        `SELECT person, skills, topics, opt_in FROM knowledge_profiles
         WHERE person IN (${chunk.map(() => '?').join(', ')})`,
        chunk,
      );
      out.push(...rows.map(profileFromRow));
    }
    return out;
  }

  async declaredProfiles(): Promise<StoredProfile[]> {
    const rows = await this.#db.all(
      `SELECT person, skills, topics, opt_in FROM knowledge_profiles
       WHERE skills <> '[]' OR topics <> '[]'`,
    );
    return rows.map(profileFromRow);
  }

  async setProfile(profile: StoredProfile, at: number): Promise<void> {
    await this.#db.batch([
      [
        `INSERT INTO knowledge_profiles (person, skills, topics, opt_in, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (person) DO UPDATE SET skills = excluded.skills, topics = excluded.topics,
           opt_in = excluded.opt_in, updated_at = excluded.updated_at`,
        [
          profile.person,
          JSON.stringify(profile.skills),
          JSON.stringify(profile.askMeAbout),
          profile.expertOptIn ? 1 : 0,
          at,
        ],
      ],
    ]);
  }

  close(): Promise<void> {
    return this.#db.close();
  }

  /** Rows of `select` whose `doc` is one of `notes`' (the caller filters by space). */
  async #byDocs(select: string, notes: readonly { docId: string }[]): Promise<Row[]> {
    const docs = [...new Set(notes.map((n) => n.docId))];
    const out: Row[] = [];
    for (let i = 0; i < docs.length; i += CHUNK) {
      const chunk: Param[] = docs.slice(i, i + CHUNK);
      out.push(
        ...(await this.#db.all(
          `${select} WHERE doc IN (${chunk.map(() => '?').join(', ')})`,
          chunk,
        )),
      );
    }
    return out;
  }
}
