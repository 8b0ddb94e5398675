/**
 * Retention, run by the relay's maintenance job: per space (the company's
 * policy, or the space's override), notes in the trash longer than
 * `trashDays` are purged for good, and history older than `historyDays`
 * goes: versions taken before it, the edit journal's entries before it, and
 * every deleted content in the note's stored log (erase.ts). A note an
 * active legal hold covers is skipped, whatever the policy says.
 */
import * as Y from 'yjs';
import type { RetentionPolicy } from '../../shared/legal-api.ts';
import { CHANGES_KEY, pagesMap, readAllPages } from '../../shared/space-index/schema.ts';
import { formatRoomName, type RoomName } from '../../shared/wire.ts';
import type { AuditInput } from '../audit/types.ts';
import type { NoteHistory } from '../history/history.ts';
import type { Logger } from '../log.ts';
import type { SpaceStore } from '../spaces/types.ts';
import type { DocStorage } from '../storage/types.ts';
import { HoldIndex } from './holds.ts';
import type { LegalStore } from './types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const INDEX_DOC = 'index';

export interface RetentionDeps {
  readonly store: LegalStore;
  readonly spaces: Pick<SpaceStore, 'allSpaces'>;
  readonly storage: DocStorage;
  readonly history: Pick<NoteHistory, 'purgeSnapshots'>;
  /** The stored state of a document (null when nothing is stored). */
  readonly loadState: (room: string) => Promise<Uint8Array | null>;
  /** Whether the room is in memory on this node (then it is not purged this run). */
  readonly inUse: (room: string) => boolean;
  /** Edits a live document through the relay's write path (stored, then sent to everyone). */
  readonly editDoc: (room: string, change: (doc: Y.Doc) => void) => Promise<void>;
  /** Stores what the edit journal has queued. */
  readonly flushJournal: () => Promise<void>;
  readonly audit: (input: AuditInput) => void;
  readonly now: () => number;
  readonly log: Logger;
}

export interface RetentionReport {
  readonly notesPurged: number;
  readonly versionsDeleted: number;
  readonly docsCompacted: number;
  /** Purges skipped because a legal hold covers the note. */
  readonly held: number;
}

function effective(company: RetentionPolicy, own: RetentionPolicy | undefined): RetentionPolicy {
  return {
    trashDays: own?.trashDays ?? company.trashDays,
    historyDays: own?.historyDays ?? company.historyDays,
  };
}

/** The page and every page whose stored parent chain leads to it. */
function subtree(pages: ReturnType<typeof readAllPages>, rootId: string): string[] {
  const children = new Map<string, string[]>();
  for (const page of pages) {
    const parent = page.pos.parent;
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), page.id]);
  }
  const found = new Set<string>([rootId]);
  const queue = [rootId];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const child of children.get(id) ?? []) {
      if (!found.has(child)) {
        found.add(child);
        queue.push(child);
      }
    }
  }
  return [...found];
}

export class RetentionJob {
  readonly #deps: RetentionDeps;
  /** Marker time of each document when its log was last purged here: unchanged ones are skipped. */
  readonly #compactedAt = new Map<string, number>();

  constructor(deps: RetentionDeps) {
    this.#deps = deps;
  }

  async run(): Promise<RetentionReport> {
    const deps = this.#deps;
    await deps.flushJournal();
    const company = await deps.store.companyPolicy();
    const overrides = new Map((await deps.store.spacePolicies()).map((p) => [p.spaceId, p]));
    const holds = await HoldIndex.load(deps.store);
    const report = { notesPurged: 0, versionsDeleted: 0, docsCompacted: 0, held: 0 };
    for (const space of await deps.spaces.allSpaces()) {
      const policy = effective(company, overrides.get(space.id));
      if (policy.trashDays === null && policy.historyDays === null) continue;
      if (holds.spaces.has(space.id)) {
        report.held += 1;
        continue;
      }
      if (policy.trashDays !== null) {
        await this.#purgeTrash(space.id, deps.now() - policy.trashDays * DAY_MS, holds, report);
      }
      if (policy.historyDays !== null) {
        await this.#purgeHistory(space.id, deps.now() - policy.historyDays * DAY_MS, holds, report);
      }
    }
    return report;
  }

  async #purgeTrash(
    spaceId: string,
    before: number,
    holds: HoldIndex,
    report: { notesPurged: number; held: number },
  ): Promise<void> {
    const deps = this.#deps;
    const indexRoom = formatRoomName({ spaceId, docId: INDEX_DOC });
    const state = await deps.loadState(indexRoom);
    if (state === null) return;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const pages = readAllPages(doc);
    doc.destroy();
    const markers = new Map(
      (await deps.storage.listMarkers(spaceId)).map((m) => [m.docId, m.updatedBy]),
    );
    const expired = pages.filter((p) => p.archived !== null && p.archived.at < before);
    const purgedIds: string[] = [];
    for (const root of expired) {
      const ids = subtree(pages, root.id).filter((id) => !purgedIds.includes(id));
      let blocked = false;
      for (const id of ids) {
        const page = pages.find((p) => p.id === id);
        const writers = [page?.createdBy ?? null, page?.updatedBy ?? null, markers.get(id) ?? null];
        if (await holds.noteHeld(spaceId, id, writers)) {
          report.held += 1;
          blocked = true;
          break;
        }
        if (deps.inUse(formatRoomName({ spaceId, docId: id }))) blocked = true;
      }
      if (blocked) continue;
      for (const id of ids) await this.#purgeNote({ spaceId, docId: id });
      purgedIds.push(...ids);
    }
    if (purgedIds.length === 0) return;
    // The index forgets the pages last: a crash before this leaves them to purge again.
    await deps.editDoc(indexRoom, (index) => {
      const map = pagesMap(index);
      const changes = index.getMap<unknown>(CHANGES_KEY);
      for (const id of purgedIds) {
        map.delete(id);
        changes.delete(id);
      }
    });
    report.notesPurged += purgedIds.length;
  }

  async #purgeNote(note: RoomName): Promise<void> {
    const deps = this.#deps;
    const room = formatRoomName(note);
    // The tombstone first: from now on the relay refuses the room to anyone.
    await deps.store.markPurged(note.spaceId, note.docId, deps.now());
    await deps.history.purgeSnapshots(note);
    await deps.storage.purgeRoom?.(room, 'nothing');
    this.#compactedAt.delete(room);
    deps.audit({
      kind: 'legal.purged',
      actor: null,
      space: note.spaceId,
      target: note.docId,
      detail: { reason: 'trash' },
    });
  }

  async #purgeHistory(
    spaceId: string,
    before: number,
    holds: HoldIndex,
    report: { versionsDeleted: number; docsCompacted: number; held: number },
  ): Promise<void> {
    const deps = this.#deps;
    for (const marker of await deps.storage.listMarkers(spaceId)) {
      const note = { spaceId, docId: marker.docId };
      if (await holds.noteHeld(spaceId, marker.docId, [marker.updatedBy])) {
        report.held += 1;
        continue;
      }
      const versions = await deps.history.purgeSnapshots(note, before);
      const edits = await deps.store.purgeEdits(spaceId, marker.docId, before);
      const room = formatRoomName(note);
      const compacted = this.#compactedAt.get(room) === marker.updatedAt;
      if (!compacted) {
        await deps.storage.purgeRoom?.(room, 'state');
        this.#compactedAt.set(room, marker.updatedAt);
        report.docsCompacted += 1;
      }
      report.versionsDeleted += versions;
      if (versions > 0 || edits > 0) {
        deps.audit({
          kind: 'legal.purged',
          actor: null,
          space: spaceId,
          target: marker.docId,
          detail: { reason: 'history', versions, edits, before },
        });
      }
    }
  }
}
