import {
  MAX_STORED_INBOX_CHARS,
  parseInboxState,
  serializeInboxState,
  type InboxState,
} from '../../../shared/mentions/index.ts';

/** localStorage, or a stand-in. */
export interface InboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface InboxPersistOptions {
  readonly storage: InboxStorage;
  readonly key: string;
  /** Cap on the stored state in characters (default MAX_STORED_INBOX_CHARS). */
  readonly maxChars?: number;
  /** Where a failed save is reported, once. */
  readonly warn: (message: string) => void;
}

export interface InboxPersist {
  /** The stored state, or an empty one (missing, unreadable, storage disabled). */
  load(): InboxState;
  save(state: InboxState): void;
}

/**
 * Loads and saves one person's inbox state. The stored copy is capped
 * (serializeInboxState drops the least recently changed notes first), since
 * localStorage's quota (about 5 M characters per origin) is shared with the
 * rest of the app and a write over it throws. A failure is reported once,
 * not on every change; the state then lasts as long as the page.
 */
export function createInboxPersist(options: InboxPersistOptions): InboxPersist {
  const cap = options.maxChars ?? MAX_STORED_INBOX_CHARS;
  let failed = false;
  const write = (state: InboxState, maxChars: number) => {
    options.storage.setItem(options.key, serializeInboxState(state, maxChars));
  };
  return {
    load() {
      try {
        return parseInboxState(options.storage.getItem(options.key));
      } catch {
        return parseInboxState(null);
      }
    },
    save(state) {
      try {
        write(state, cap);
      } catch {
        // Over the quota because other data shares it: once more, smaller.
        try {
          write(state, Math.floor(cap / 4));
        } catch (error) {
          if (failed) return;
          failed = true;
          options.warn(
            `mentions: could not save the inbox (${error instanceof Error ? error.name : String(error)}); unread marks will not outlive this page`,
          );
        }
      }
    },
  };
}
