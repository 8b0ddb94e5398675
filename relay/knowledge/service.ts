/**
 * Search, profiles and the expert finder over what the recorder stores.
 * Whether the caller may read a note is never decided here: the relay's
 * authorizer (the same stage that admits a WebSocket to a room) is asked
 * once per space per request, and a space it refuses contributes nothing.
 */
import {
  EXPERTS_LIMIT,
  SEARCH_LIMIT,
  type Expert,
  type Profile,
  type ProfileEdit,
  type ProfileNote,
  type SearchHit,
} from '../../shared/knowledge-api.ts';
import type { Authorizer, Principal } from '../pipeline/auth.ts';
import type { SpaceStore } from '../spaces/types.ts';
import { foldedWords, matchingTags, rankExperts } from './scoring.ts';
import { MAX_CANDIDATES, type NoteTextIndex } from './text-index.ts';
import { noteKey, type Authorship, type KnowledgeStore } from './types.ts';

/** Evidence notes listed per expert, and recent notes per profile. */
const NOTES_SHOWN = 5;
const RECENT_NOTES = 10;
/** Notes of a person looked at to find their recent readable ones. */
const RECENT_SCAN = 100;

export interface KnowledgeDeps {
  readonly store: KnowledgeStore;
  readonly index: NoteTextIndex;
  readonly spaces: SpaceStore;
  readonly authorizer: Authorizer;
  /** Whether someone who never chose appears in the expert finder (the company default). */
  readonly defaultOptIn: boolean;
  readonly now: () => number;
}

/** Asks the authorizer once per space, for one caller, for the length of one request. */
class ReadCheck {
  readonly #cache = new Map<string, Promise<boolean>>();
  readonly #authorizer: Authorizer;
  readonly #principal: Principal;

  constructor(authorizer: Authorizer, principal: Principal) {
    this.#authorizer = authorizer;
    this.#principal = principal;
  }

  canRead(spaceId: string, docId: string): Promise<boolean> {
    let answer = this.#cache.get(spaceId);
    if (answer === undefined) {
      answer = Promise.resolve(
        this.#authorizer.authorize(this.#principal, { spaceId, docId }),
      ).then(
        (r) => r.ok,
        () => false,
      );
      this.#cache.set(spaceId, answer);
    }
    return answer;
  }
}

export class KnowledgeService {
  readonly #d: KnowledgeDeps;

  constructor(deps: KnowledgeDeps) {
    this.#d = deps;
  }

  /** The spaces with indexed notes that `principal` may read. */
  async #readableSpaces(check: ReadCheck): Promise<Set<string>> {
    await this.#d.index.catchUp();
    const readable = new Set<string>();
    for (const [spaceId, docId] of this.#d.index.spaces()) {
      if (await check.canRead(spaceId, docId)) readable.add(spaceId);
    }
    return readable;
  }

  async search(principal: Principal, q: string): Promise<SearchHit[]> {
    const check = new ReadCheck(this.#d.authorizer, principal);
    const readable = await this.#readableSpaces(check);
    if (readable.size === 0) return [];
    const hits = await this.#d.index.search(q, SEARCH_LIMIT, readable);
    return hits.map((h) => ({
      spaceId: h.spaceId,
      docId: h.docId,
      title: h.title,
      snippet: h.snippet.text,
      updatedAt: h.updatedAt,
    }));
  }

  async experts(principal: Principal, q: string): Promise<Expert[]> {
    const check = new ReadCheck(this.#d.authorizer, principal);
    const readable = await this.#readableSpaces(check);
    const hits = readable.size === 0 ? [] : await this.#d.index.search(q, MAX_CANDIDATES, readable);
    const titles = new Map(hits.map((h) => [noteKey(h.spaceId, h.docId), h.title]));
    const shares = await this.#d.store.authorshipOf(hits);
    const words = foldedWords(q);
    const matchedTags = new Map<string, string[]>();
    for (const p of await this.#d.store.declaredProfiles()) {
      const tags = matchingTags([...p.skills, ...p.askMeAbout], words);
      if (tags.length > 0) matchedTags.set(p.person, tags);
    }
    const candidates = new Set([...shares.map((s) => s.person), ...matchedTags.keys()]);
    const choices = new Map(
      (await this.#d.store.profiles([...candidates])).map((p) => [p.person, p.expertOptIn]),
    );
    const ranked = rankExperts(
      shares,
      new Set(titles.keys()),
      matchedTags,
      (person) => choices.get(person) ?? this.#d.defaultOptIn,
    );
    const experts: Expert[] = [];
    for (const r of ranked) {
      if (experts.length >= EXPERTS_LIMIT) break;
      const fields = await this.#d.spaces.directory.directoryFields(r.person);
      // Deactivated people keep their authorship but are nobody to ask any more.
      if (fields?.active === false) continue;
      const person = await this.#d.spaces.getPerson(r.person);
      experts.push({
        id: r.person,
        name: person?.name ?? null,
        title: fields?.title ?? null,
        score: Math.round(r.score * 1000) / 1000,
        matchedSkills: [...r.matchedSkills],
        evidence: r.evidence
          .slice(0, NOTES_SHOWN)
          .map((a) => profileNote(a, titles.get(noteKey(a.spaceId, a.docId)) ?? '')),
      });
    }
    return experts;
  }

  /** `userId`'s profile as `principal` may see it; null when nobody has this id. */
  async profile(principal: Principal, userId: string): Promise<Profile | null> {
    const self = principal.id === userId;
    const person = await this.#d.spaces.getPerson(userId);
    const fields = await this.#d.spaces.directory.directoryFields(userId);
    if (person === null && fields === null && !self) return null;
    const declared = await this.#d.store.profile(userId);
    const mine = await this.#d.spaces.spacesOf(principal.id);
    const theirs = new Set((await this.#d.spaces.spacesOf(userId)).map((s) => s.id));
    const check = new ReadCheck(this.#d.authorizer, principal);
    const recent: Authorship[] = [];
    for (const share of await this.#d.store.notesOf(userId, RECENT_SCAN)) {
      if (recent.length >= RECENT_NOTES) break;
      if (share.edits > 0 && (await check.canRead(share.spaceId, share.docId))) recent.push(share);
    }
    const titles = await this.#d.store.titles(recent);
    return {
      id: userId,
      name: person?.name ?? (self ? (principal.name ?? null) : null),
      email: person?.email ?? null,
      title: fields?.title ?? (self ? (principal.title ?? null) : null),
      department: fields?.department ?? (self ? (principal.department ?? null) : null),
      manager: fields?.manager ?? null,
      location: fields?.location ?? null,
      skills: declared?.skills ?? [],
      askMeAbout: declared?.askMeAbout ?? [],
      expertOptIn: declared?.expertOptIn ?? this.#d.defaultOptIn,
      self,
      sharedSpaces: mine.filter((s) => theirs.has(s.id)).map((s) => ({ id: s.id, name: s.name })),
      recentNotes: recent.map((a) => profileNote(a, titles.get(noteKey(a.spaceId, a.docId)) ?? '')),
    };
  }

  /** Replaces the caller's own declared profile: there is no way to name anyone else. */
  async updateOwn(principal: Principal, edit: ProfileEdit): Promise<Profile> {
    const clean = (tags: readonly string[]): string[] => [...new Set(tags.map((t) => t.trim()))];
    await this.#d.store.setProfile(
      {
        person: principal.id,
        skills: clean(edit.skills),
        askMeAbout: clean(edit.askMeAbout),
        expertOptIn: edit.expertOptIn,
      },
      this.#d.now(),
    );
    const profile = await this.profile(principal, principal.id);
    if (profile === null) throw new Error('own profile vanished');
    return profile;
  }
}

function profileNote(a: Authorship, title: string): ProfileNote {
  return {
    spaceId: a.spaceId,
    docId: a.docId,
    title,
    edits: a.edits,
    comments: a.comments,
    lastEditAt: a.lastAt,
  };
}
