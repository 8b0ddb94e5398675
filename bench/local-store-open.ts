// Bench: opening one large note from the local store, encrypted (the desktop
// app's store, renderer/sync/encrypted-persistence.ts through openLocalStore)
// against plain y-indexeddb (the peer; what the web client uses), both
// holding the same note in the same shape: the automerge-paper trace's text,
// compacted into one record, plus the last keystrokes as separate updates.
//
// Node has no IndexedDB: both run on fake-indexeddb (in memory), so the
// figures are the CPU cost of opening (reading, decrypting, applying), not
// disk I/O. WebCrypto is Node's own (OpenSSL), as Chromium's is BoringSSL.
import 'fake-indexeddb/auto';
import { existsSync } from 'node:fs';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { importLocalKey, seal, unseal, type LocalKey } from '../renderer/sync/local-crypto.ts';
import { openLocalStore, type LocalProtection } from '../renderer/sync/local-store.ts';
import { generatedText } from './editor-open.ts';
import { ms, table, times } from './lib/markdown.ts';
import { ratio, summarize } from './lib/percentiles.ts';
import { readTrace } from './lib/trace.ts';
import type { BenchContext, BenchModule } from './lib/types.ts';

const FULL = { rounds: 15, tail: 400 };
const QUICK = { rounds: 3, tail: 100 };

/** The note as Yjs builds it: every keystroke of the trace, or generated lines without it. */
async function buildNote(context: BenchContext): Promise<{ updates: Uint8Array[]; label: string }> {
  const doc = new Y.Doc();
  const text = doc.getText('body');
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  if (existsSync(context.tracePath)) {
    const trace = await readTrace(context.tracePath);
    const txns = context.quick ? trace.txns.slice(0, 30_000) : trace.txns;
    for (const txn of txns) {
      doc.transact(() => {
        for (const [pos, del, ins] of txn.patches) {
          if (del > 0) text.delete(pos, del);
          if (ins !== '') text.insert(pos, ins);
        }
      });
    }
    return {
      updates,
      label: `the automerge-paper trace replayed keystroke by keystroke (${String(txns.length)} transactions, ${String(text.length)} characters)`,
    };
  }
  context.log(`trace not found at ${context.tracePath}: using generated text`);
  for (const line of generatedText(2000).split('\n')) text.insert(text.length, `${line}\n`);
  return {
    updates,
    label: `**generated text** (the trace was not found at \`${context.tracePath}\`)`,
  };
}

/** The stored shape: everything but the tail compacted into one record, then the tail one by one. */
async function seed(
  name: string,
  updates: readonly Uint8Array[],
  tail: number,
  protection?: Promise<LocalProtection>,
): Promise<number> {
  const head = new Y.Doc();
  for (const u of updates.slice(0, -tail)) Y.applyUpdate(head, u);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(head));
  if (protection === undefined) {
    const store = new IndexeddbPersistence(name, doc);
    await store.whenSynced;
    for (const u of updates.slice(-tail)) Y.applyUpdate(doc, u);
    await store.get('flush'); // queued behind the writes: they are stored when it answers
    await store.destroy();
  } else {
    const store = openLocalStore(name, doc, undefined, protection);
    await store.loaded;
    for (const u of updates.slice(-tail)) Y.applyUpdate(doc, u);
    await store.destroy(); // stores what is queued first
  }
  return doc.getText('body').length;
}

async function openOnce(
  name: string,
  protection?: Promise<LocalProtection>,
): Promise<{ t: number; length: number }> {
  const doc = new Y.Doc();
  const t0 = performance.now();
  if (protection === undefined) {
    const store = new IndexeddbPersistence(name, doc);
    await store.whenSynced;
    const t = performance.now() - t0;
    await store.destroy();
    return { t, length: doc.getText('body').length };
  }
  const store = openLocalStore(name, doc, undefined, protection);
  await store.loaded;
  const t = performance.now() - t0;
  await store.destroy();
  return { t, length: doc.getText('body').length };
}

/**
 * Decrypting the same records without IndexedDB or Yjs: the part encryption
 * adds. The records are the stored shape's (one state, then the tail).
 */
async function decryptOnly(records: readonly Uint8Array[], key: LocalKey): Promise<number> {
  const t0 = performance.now();
  await Promise.all(records.map((r) => unseal(key, r, 'bench', 'bench')));
  return performance.now() - t0;
}

export const localStoreOpen: BenchModule = {
  name: 'local-store-open',
  title: 'Local store open: encrypted vs plain y-indexeddb',
  run: async (context) => {
    const plan = context.quick ? QUICK : FULL;
    const { updates, label } = await buildNote(context);
    const key = await importLocalKey(
      Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'),
    );
    const protection = Promise.resolve<LocalProtection>({ kind: 'encrypted', key });
    const plainName = 'bench-open/plain';
    const sealedName = 'bench-open/sealed';
    const length = await seed(plainName, updates, plan.tail);
    if ((await seed(sealedName, updates, plan.tail, protection)) !== length) {
      throw new Error('the two stores hold different notes');
    }
    const head = new Y.Doc();
    for (const u of updates.slice(0, -plan.tail)) Y.applyUpdate(head, u);
    const sealedRecords = await Promise.all(
      [Y.encodeStateAsUpdate(head), ...updates.slice(-plan.tail)].map((u) => seal(key, u, 'bench')),
    );
    const samples = new Map<string, number[]>([
      ['encrypted', []],
      ['plain', []],
      ['decrypt only', []],
    ]);
    for (let round = 0; round < plan.rounds; round++) {
      const order = round % 2 === 0 ? ['encrypted', 'plain'] : ['plain', 'encrypted'];
      for (const which of order) {
        const opened =
          which === 'plain' ? await openOnce(plainName) : await openOnce(sealedName, protection);
        if (opened.length !== length) throw new Error(`${which}: the note loaded incompletely`);
        samples.get(which)?.push(opened.t);
      }
      samples.get('decrypt only')?.push(await decryptOnly(sealedRecords, key));
    }
    const peer = summarize(samples.get('plain') ?? []);
    const row = (name: string): string[] => {
      const s = summarize(samples.get(name) ?? []);
      return [name, ms(s.p50), ms(s.p99), times(ratio(s.p50, peer.p50))];
    };
    context.log(
      `  encrypted p50 ${ms(summarize(samples.get('encrypted') ?? []).p50)}, plain p50 ${ms(peer.p50)}`,
    );
    return [
      `One note: ${label}; stored as one compacted record plus the last ${String(plan.tail)} keystrokes as separate updates (the shape both stores keep between compactions). **encrypted** = \`openLocalStore\` with a key (AES-256-GCM per record); **plain** = raw \`IndexeddbPersistence\` (y-indexeddb), the peer; **decrypt only** = decrypting the same records in memory (no IndexedDB, no Yjs): the share encryption adds. Ratios against plain, same run.`,
      table(
        ['Store', 'open p50', 'open p99', 'ratio'],
        [row('encrypted'), row('plain'), row('decrypt only')],
      ),
      [
        '### Method',
        `- ${String(plan.rounds)} opens per store into a fresh Y.Doc, alternating which goes first; each checks the note's length.`,
        '- On fake-indexeddb (in memory): the CPU cost of opening, not disk I/O.',
      ].join('\n'),
    ].join('\n\n');
  },
};
