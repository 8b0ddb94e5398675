import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileLimits } from '../../../shared/files-api.ts';
import { ApiRequestError, type FilesApi } from '../../api/index.ts';
import { fileIdOf } from './file-id.ts';
import {
  createFilesService,
  type FilesService,
  type FilesServiceOptions,
  type ImageState,
} from './files-service.ts';
import { openPendingFiles } from './pending-files.ts';

// Real IndexedDB code over fake-indexeddb; the relay's end is a named
// stand-in (no relay runs in the DOM test environment; the real routes are
// tested in relay/files/files-api.test.ts).

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);
const PNG_ID = await fileIdOf(PNG);
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');

/** Stand-in for the relay's file routes: a map, and a switch for "unreachable". */
class StandInFilesRelay implements FilesApi {
  readonly stored = new Map<string, Blob>();
  reachable = true;
  refuseWith: ApiRequestError | null = null;
  /** What `limits` answers: the relay's own limits, or an error (404: a relay without the route). */
  limitsAnswer: FileLimits | ApiRequestError = new ApiRequestError(404, 'not_found', 'no route');
  /** An id to answer instead of the real one (a relay that hashes differently). */
  answerId: string | null = null;
  uploads = 0;
  downloads = 0;
  limitQuestions = 0;

  limits() {
    this.limitQuestions += 1;
    if (!this.reachable) return Promise.reject(new ApiRequestError(0, 'network', 'unreachable'));
    const answer = this.limitsAnswer;
    return answer instanceof ApiRequestError ? Promise.reject(answer) : Promise.resolve(answer);
  }

  async upload(spaceId: string, bytes: Uint8Array, contentType: string) {
    if (!this.reachable) throw new ApiRequestError(0, 'network', 'unreachable');
    if (this.refuseWith !== null) throw this.refuseWith;
    this.uploads += 1;
    const fileId = await fileIdOf(bytes);
    this.stored.set(
      `${spaceId}/${fileId}`,
      new Blob([new Uint8Array(bytes)], { type: contentType }),
    );
    return {
      fileId: this.answerId ?? fileId,
      contentType: 'image/png' as const,
      bytes: bytes.byteLength,
    };
  }

  download(spaceId: string, fileId: string) {
    this.downloads += 1;
    if (!this.reachable) return Promise.reject(new ApiRequestError(0, 'network', 'unreachable'));
    const blob = this.stored.get(`${spaceId}/${fileId}`);
    if (blob === undefined) return Promise.reject(new ApiRequestError(404, 'not_found', 'no'));
    return Promise.resolve(blob);
  }
}

const services: FilesService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.destroy();
});

let people = 0;
/** A stand-in localStorage: a map. */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      map.set(k, v);
    },
  };
}

function setup(
  relay = new StandInFilesRelay(),
  owner = `person-${String(++people)}`,
  more: Partial<FilesServiceOptions> = {},
) {
  const created: string[] = [];
  const revoked: string[] = [];
  const service = createFilesService({
    api: relay,
    owner: () => owner,
    retry: { minMs: 5, maxMs: 20 },
    missingRetryMs: [5, 20],
    maxBytes: 1024,
    storage: memoryStorage(),
    isOnline: () => relay.reachable,
    ...more,
    urls: {
      create: () => {
        created.push(`blob:test/${String(created.length)}`);
        return created.at(-1) ?? '';
      },
      revoke: (url) => revoked.push(url),
    },
  });
  services.push(service);
  return { service, relay, owner, created, revoked };
}

function watchStates(service: FilesService, spaceId: string, fileId: string) {
  const states: ImageState[] = [];
  const release = service.watch(spaceId, fileId, (s) => states.push(s));
  return { states, release, last: () => states.at(-1) };
}

describe('images of notes: the files service', () => {
  it('refuses images that are too large, SVG and non-images with a message, keeping nothing', async () => {
    const { service, relay, owner } = setup();
    const big = await service.add(
      'team',
      new Blob([PNG, new Uint8Array(2048)], { type: 'image/png' }),
    );
    expect(big).toEqual({ ok: false, message: expect.stringMatching(/too large/) as unknown });
    const svg = await service.add('team', new Blob([SVG], { type: 'image/svg+xml' }));
    expect(svg).toEqual({
      ok: false,
      message: expect.stringMatching(/SVG images cannot/) as unknown,
    });
    const text = await service.add('team', new Blob(['hello'], { type: 'image/png' }));
    expect(text.ok).toBe(false);
    const pending = await openPendingFiles(owner);
    expect(await pending.list()).toEqual([]);
    pending.close();
    expect(relay.uploads).toBe(0);
  });

  it('uploads a pasted PNG under its content hash and shows it from this machine meanwhile', async () => {
    const { service, relay } = setup();
    const added = await service.add('team', new Blob([PNG], { type: 'image/png' }));
    expect(added).toEqual({ ok: true, fileId: PNG_ID });
    await vi.waitFor(() => {
      expect(relay.stored.has(`team/${PNG_ID}`)).toBe(true);
    });
    const view = watchStates(service, 'team', PNG_ID);
    await vi.waitFor(() => {
      expect(view.last()).toEqual({ kind: 'ready', url: 'blob:test/0', uploading: false });
    });
  });

  it('keeps an image pasted offline in IndexedDB and uploads it when the relay is back', async () => {
    const relay = new StandInFilesRelay();
    relay.reachable = false;
    const { service, owner } = setup(relay);
    expect(await service.add('team', new Blob([PNG], { type: 'image/png' }))).toEqual({
      ok: true,
      fileId: PNG_ID,
    });
    const view = watchStates(service, 'team', PNG_ID);
    await vi.waitFor(() => {
      expect(view.last()).toMatchObject({ kind: 'ready', uploading: true });
    });
    const pending = await openPendingFiles(owner);
    expect((await pending.list()).map((f) => f.fileId)).toEqual([PNG_ID]);
    // A reload: a new service for the same person finds the image and uploads it.
    service.destroy();
    relay.reachable = true;
    const again = createFilesService({ api: relay, owner: () => owner });
    services.push(again);
    await again.flush();
    expect(relay.stored.has(`team/${PNG_ID}`)).toBe(true);
    expect(await pending.list()).toEqual([]);
    pending.close();
  });

  it('retries on its own while the relay is unreachable', async () => {
    const relay = new StandInFilesRelay();
    relay.reachable = false;
    const { service } = setup(relay);
    await service.add('team', new Blob([PNG], { type: 'image/png' }));
    relay.reachable = true;
    await vi.waitFor(() => {
      expect(relay.uploads).toBe(1);
    });
  });

  it('keeps the bytes of an upload the relay refuses for good, shows why, and never retries on its own', async () => {
    const relay = new StandInFilesRelay();
    relay.refuseWith = new ApiRequestError(403, 'forbidden', 'Viewers cannot add images.');
    const { service, owner } = setup(relay);
    const problems: string[] = [];
    service.onProblem((m) => problems.push(m));
    await service.add('team', new Blob([PNG], { type: 'image/png' }));
    const view = watchStates(service, 'team', PNG_ID);
    await vi.waitFor(() => {
      expect(view.last()).toEqual({
        kind: 'refused',
        url: 'blob:test/0',
        message: 'Viewers cannot add images.',
      });
    });
    expect(problems).toEqual([
      'An image could not be uploaded: Viewers cannot add images. It is kept on this device.',
    ]);
    const pending = await openPendingFiles(owner);
    const [kept] = await pending.list();
    expect(kept?.refused).toMatchObject({ status: 403, message: 'Viewers cannot add images.' });
    expect(new Uint8Array(kept?.bytes ?? new ArrayBuffer(0))).toEqual(PNG);
    pending.close();
    // Another flush (a sign-in, the network back) leaves it alone: the same refusal would come.
    relay.refuseWith = null;
    await service.flush();
    expect(relay.uploads).toBe(0);
    // Its bytes can still be saved as a file.
    const read = await service.read('team', PNG_ID);
    expect(read).toEqual({ bytes: PNG, contentType: 'image/png' });
  });

  it('uploads a refused image again when the person asks, and forgets a discarded one', async () => {
    const relay = new StandInFilesRelay();
    relay.refuseWith = new ApiRequestError(413, 'payload_too_large', 'Too large for this relay');
    const { service, owner } = setup(relay);
    const view = watchStates(service, 'team', PNG_ID);
    await service.add('team', new Blob([PNG], { type: 'image/png' }));
    await vi.waitFor(() => {
      expect(view.last()?.kind).toBe('refused');
    });
    relay.refuseWith = null;
    await service.tryAgain('team', PNG_ID);
    expect(relay.stored.has(`team/${PNG_ID}`)).toBe(true);
    expect(view.last()).toEqual({ kind: 'ready', url: 'blob:test/0', uploading: false });
    const pending = await openPendingFiles(owner);
    expect(await pending.list()).toEqual([]);

    relay.refuseWith = new ApiRequestError(403, 'forbidden', 'no');
    const other = Uint8Array.from([...PNG, 0]);
    const added = await service.add('team', new Blob([other], { type: 'image/png' }));
    if (!added.ok) throw new Error(added.message);
    await vi.waitFor(async () => {
      expect((await pending.get('team', added.fileId))?.refused?.status).toBe(403);
    });
    await service.discard('team', added.fileId);
    expect(await pending.list()).toEqual([]);
    pending.close();
  });

  it('keeps the bytes when the relay answers another id than the one computed here', async () => {
    const relay = new StandInFilesRelay();
    relay.answerId = 'x'.repeat(43);
    const { service, owner } = setup(relay);
    await service.add('team', new Blob([PNG], { type: 'image/png' }));
    const pending = await openPendingFiles(owner);
    await vi.waitFor(async () => {
      expect((await pending.get('team', PNG_ID))?.refused?.message).toMatch(/different id/);
    });
    pending.close();
  });

  it('checks a pasted image against the relay’s own limit, remembered for offline pastes', async () => {
    const relay = new StandInFilesRelay();
    relay.limitsAnswer = { maxFileBytes: 40, spaceBytesLeft: null };
    const storage = memoryStorage();
    const { service, owner } = setup(relay, undefined, { storage });
    const refused = await service.add('team', new Blob([PNG], { type: 'image/png' }));
    expect(refused).toEqual({
      ok: false,
      message: expect.stringMatching(/too large/) as unknown,
    });
    expect([...storage.map.values()]).toEqual([JSON.stringify({ maxFileBytes: 40 })]);
    // Offline, a new session (a reload): the last known limit still applies.
    relay.reachable = false;
    const offline = setup(relay, owner, { storage });
    expect((await offline.service.add('team', new Blob([PNG], { type: 'image/png' }))).ok).toBe(
      false,
    );
    // The space's remaining room counts too, when the relay says it.
    relay.reachable = true;
    relay.limitsAnswer = { maxFileBytes: 4096, spaceBytesLeft: 10 };
    const full = setup(relay, owner, { storage: memoryStorage() });
    expect(await full.service.add('team', new Blob([PNG], { type: 'image/png' }))).toEqual({
      ok: false,
      message: expect.stringMatching(/no room/) as unknown,
    });
    expect(relay.uploads).toBe(0);
  });

  it('keeps the default limit with a relay that does not know the limits route', async () => {
    const relay = new StandInFilesRelay();
    const { service } = setup(relay);
    // maxBytes 1024 (the default here): the PNG fits, 2 KiB does not.
    expect((await service.add('team', new Blob([PNG], { type: 'image/png' }))).ok).toBe(true);
    const big = await service.add(
      'team',
      new Blob([PNG, new Uint8Array(2048)], { type: 'image/png' }),
    );
    expect(big.ok).toBe(false);
    expect(relay.limitQuestions).toBe(1);
  });

  it('looks for a missing image less and less often', async () => {
    const relay = new StandInFilesRelay();
    const { service } = setup(relay, undefined, { missingRetryMs: [5, 400] });
    const view = watchStates(service, 'team', PNG_ID);
    await vi.waitFor(() => {
      expect(relay.downloads).toBe(2);
    });
    const afterTwo = Date.now();
    await vi.waitFor(() => {
      expect(relay.downloads).toBe(3);
    });
    expect(Date.now() - afterTwo).toBeGreaterThanOrEqual(300);
    view.release();
  });

  it('shares one blob URL between views of an image and revokes it when the last goes', async () => {
    const relay = new StandInFilesRelay();
    relay.stored.set(`team/${PNG_ID}`, new Blob([PNG], { type: 'image/png' }));
    const { service, created, revoked } = setup(relay);
    const a = watchStates(service, 'team', PNG_ID);
    await vi.waitFor(() => {
      expect(a.last()?.kind).toBe('ready');
    });
    const b = watchStates(service, 'team', PNG_ID);
    expect(b.last()).toEqual(a.last());
    expect(created).toHaveLength(1);
    a.release();
    expect(revoked).toEqual([]);
    b.release();
    expect(revoked).toEqual(['blob:test/0']);
  });

  it('waits for an image someone else has not uploaded yet, then shows it', async () => {
    const { service, relay } = setup();
    const view = watchStates(service, 'team', PNG_ID);
    await vi.waitFor(() => {
      expect(view.last()).toEqual({
        kind: 'waiting',
        message: 'This image has not reached the relay yet.',
      });
    });
    relay.stored.set(`team/${PNG_ID}`, new Blob([PNG], { type: 'image/png' }));
    await vi.waitFor(() => {
      expect(view.last()?.kind).toBe('ready');
    });
  });

  it('keeps each person’s pending images apart', async () => {
    const relay = new StandInFilesRelay();
    relay.reachable = false;
    const ada = setup(relay, 'ada@example.com');
    await ada.service.add('team', new Blob([PNG], { type: 'image/png' }));
    const grace = await openPendingFiles('grace@example.com');
    expect(await grace.list()).toEqual([]);
    grace.close();
    const mine = await openPendingFiles('ada@example.com');
    expect(await mine.list()).toHaveLength(1);
    mine.close();
  });
});
