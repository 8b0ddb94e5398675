/**
 * eDiscovery export of a legal hold: every note the hold covers (each note of
 * its space, or each note its person edited) as a zip of
 *
 * - `notes/<spaceId>/<docId>.md`: the note's current text as Markdown;
 * - `notes/<spaceId>/<docId>.json`: its title, versions (each with its
 *   Markdown) and per-edit attribution (attribution.ts);
 * - `manifest.json`: the case, who exported it when, and every file with its
 *   size and SHA-256.
 *
 * Deflated with fflate (already a dependency of the app). The archive is built
 * in memory: a case is a bounded set of notes, and the REST layer answers
 * whole bodies.
 */
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import * as Y from 'yjs';
import type { LegalHold } from '../../shared/legal-api.ts';
import { fragmentToMarkdown } from '../../shared/markdown/index.ts';
import { NOTE_BODY_FRAGMENT } from '../../shared/search/note-text.ts';
import { readAllPages } from '../../shared/space-index/schema.ts';
import { formatRoomName } from '../../shared/wire.ts';
import type { NoteHistory } from '../history/history.ts';
import type { SpaceStore } from '../spaces/types.ts';
import type { DocStorage } from '../storage/types.ts';
import { attribute } from './attribution.ts';
import { INDEX_DOC } from './retention-job.ts';
import type { LegalStore, NoteRef } from './types.ts';

export interface ExportDeps {
  readonly store: LegalStore;
  readonly spaces: Pick<SpaceStore, 'getPerson' | 'allSpaces'>;
  readonly storage: Pick<DocStorage, 'listMarkers'>;
  readonly history: Pick<NoteHistory, 'list' | 'get'>;
  readonly loadState: (room: string) => Promise<Uint8Array | null>;
  readonly flushJournal: () => Promise<void>;
}

export interface ExportMeta {
  readonly exportedBy: string;
  readonly exportedAt: number;
}

function markdownOf(state: Uint8Array): string {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return fragmentToMarkdown(doc.getXmlFragment(NOTE_BODY_FRAGMENT));
  } finally {
    doc.destroy();
  }
}

function titlesOf(state: Uint8Array | null): Map<string, string> {
  if (state === null) return new Map();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const titles = new Map(readAllPages(doc).map((p) => [p.id, p.title]));
  doc.destroy();
  return titles;
}

/** The notes a hold covers that have stored content. */
async function notesOf(deps: ExportDeps, hold: LegalHold): Promise<NoteRef[]> {
  if (hold.scope.kind === 'space') {
    const { spaceId } = hold.scope;
    return (await deps.storage.listMarkers(spaceId))
      .filter((m) => m.docId !== INDEX_DOC)
      .map((m) => ({ spaceId, docId: m.docId }));
  }
  const personId = hold.scope.personId;
  const found = new Map<string, NoteRef>();
  for (const note of await deps.store.notesEditedBy(personId)) {
    if (note.docId !== INDEX_DOC) found.set(formatRoomName(note), note);
  }
  // Notes whose last writer is the person, written before the journal existed.
  for (const space of await deps.spaces.allSpaces()) {
    for (const m of await deps.storage.listMarkers(space.id)) {
      const note = { spaceId: space.id, docId: m.docId };
      if (m.updatedBy === personId && m.docId !== INDEX_DOC) found.set(formatRoomName(note), note);
    }
  }
  return [...found.values()];
}

/** The zip of everything `hold` covers. */
export async function exportHold(
  deps: ExportDeps,
  hold: LegalHold,
  meta: ExportMeta,
): Promise<Uint8Array> {
  await deps.flushJournal();
  const names = new Map<string, string | null>();
  const nameOf = (sub: string): string | null => names.get(sub) ?? null;
  const files: Zippable = {};
  const manifestFiles: { path: string; bytes: number; sha256: string }[] = [];
  const add = (path: string, text: string): void => {
    const bytes = new TextEncoder().encode(text);
    files[path] = bytes;
    manifestFiles.push({
      path,
      bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  };
  const titles = new Map<string, Map<string, string>>();
  for (const note of await notesOf(deps, hold)) {
    const room = formatRoomName(note);
    const state = await deps.loadState(room);
    if (state === null) continue;
    if (!titles.has(note.spaceId)) {
      titles.set(note.spaceId, titlesOf(await deps.loadState(`${note.spaceId}/${INDEX_DOC}`)));
    }
    const edits = await deps.store.edits(note.spaceId, note.docId);
    for (const sub of new Set(edits.flatMap((e) => (e.by === null ? [] : [e.by])))) {
      if (!names.has(sub)) names.set(sub, (await deps.spaces.getPerson(sub))?.name ?? null);
    }
    const versions = [];
    for (const row of await deps.history.list(note)) {
      const version = await deps.history.get(note, row.id);
      versions.push({
        id: row.id,
        createdAt: new Date(row.createdAt).toISOString(),
        createdBy: row.createdBy,
        reason: row.reason,
        markdown: version === null ? null : markdownOf(version.state),
      });
    }
    const base = `notes/${note.spaceId}/${note.docId}`;
    add(`${base}.md`, markdownOf(state));
    const record = {
      spaceId: note.spaceId,
      docId: note.docId,
      title: titles.get(note.spaceId)?.get(note.docId) ?? null,
      versions,
      edits: attribute(edits, nameOf),
    };
    add(`${base}.json`, `${JSON.stringify(record, null, 2)}\n`);
  }
  const manifest = {
    format: 'commonplace-ediscovery/1',
    hold,
    exportedBy: meta.exportedBy,
    exportedAt: new Date(meta.exportedAt).toISOString(),
    files: manifestFiles,
  };
  files['manifest.json'] = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  return zipSync(files, { level: 6 });
}
