// `commonplace://note/<spaceId>/<docId>` opens a note in the running app.
// A deep link arrives from outside (another app, a web page, a chat message),
// so it is parsed strictly and everything else is refused with a reason.
import path from 'node:path';
import { parseRoomName } from '../shared/wire.ts';
import { DEEP_LINK_SCHEME } from './config.ts';

export interface NoteLink {
  readonly kind: 'note';
  readonly spaceId: string;
  readonly docId: string;
}

export type DeepLinkResult =
  { readonly ok: true; readonly link: NoteLink } | { readonly ok: false; readonly reason: string };

/** Longer than any valid link (two 64-character ids); refused before parsing. */
const MAX_LINK_LENGTH = 256;

/**
 * Parses a deep link. Only `commonplace://note/<spaceId>/<docId>` with ids of
 * `[A-Za-z0-9_-]{1,64}` (the room-name rule of shared/wire.ts), no
 * credentials, port, query or fragment, is accepted.
 */
export function parseDeepLink(raw: unknown): DeepLinkResult {
  if (typeof raw !== 'string') return { ok: false, reason: 'not a string' };
  if (raw.length > MAX_LINK_LENGTH) return { ok: false, reason: 'too long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return { ok: false, reason: 'wrong scheme' };
  if (url.username !== '' || url.password !== '' || url.port !== '') {
    return { ok: false, reason: 'credentials or port are not allowed' };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, reason: 'query or fragment is not allowed' };
  }
  if (url.hostname !== 'note')
    return { ok: false, reason: `unknown action ${JSON.stringify(url.hostname)}` };
  // parseRoomName rejects '..', percent-encoding, empty and extra segments.
  const room = parseRoomName(url.pathname.replace(/^\//, ''));
  if (room === null) return { ok: false, reason: 'expected /<spaceId>/<docId>' };
  return { ok: true, link: { kind: 'note', spaceId: room.spaceId, docId: room.docId } };
}

/** The deep link among command-line arguments (Windows and Linux pass it there), if any. */
export function findDeepLinkArgument(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`));
}

export interface DeepLinkActions {
  /** Brings the main window to the front. */
  readonly focus: () => void;
  readonly log?: (message: string) => void;
}

/**
 * Handles a link from the OS: validates it and focuses the window. Returns
 * the parsed link, or null; main/index.ts then sends `app:open-note` so the
 * renderer opens the note (shared/ipc.ts).
 */
export function handleDeepLink(raw: unknown, actions: DeepLinkActions): NoteLink | null {
  const log =
    actions.log ??
    ((message: string) => {
      console.warn(message);
    });
  const result = parseDeepLink(raw);
  if (!result.ok) {
    log(`deep link refused: ${result.reason}`);
    return null;
  }
  actions.focus();
  return result.link;
}

export interface ProtocolClientApp {
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
}

/**
 * Registers `commonplace://` with the OS. When run as `electron .` (dev),
 * the OS must launch Electron with the app path, as Electron's deep-link
 * tutorial describes; a packaged app registers itself.
 */
export function registerDeepLinkScheme(
  app: ProtocolClientApp,
  proc: {
    readonly defaultApp?: boolean;
    readonly execPath: string;
    readonly argv: readonly string[];
  },
): boolean {
  const appPath = proc.argv[1];
  if (proc.defaultApp === true && appPath !== undefined) {
    return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, proc.execPath, [path.resolve(appPath)]);
  }
  return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
}
