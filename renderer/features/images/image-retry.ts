/** Why an image is looked for again. */
export type RetryReason = 'missing' | 'unreachable';

export interface ImageRetryOptions {
  /** Back-off while the relay cannot be reached (doubling from `minMs` up to `maxMs`). */
  readonly retry?: { readonly minMs: number; readonly maxMs: number };
  /** Waits while the relay answers 404 (not uploaded yet), the last one repeated. */
  readonly missingMs?: readonly number[];
  /** Nothing is looked for while the document is hidden; it resumes when shown. */
  readonly doc?: Pick<Document, 'hidden' | 'addEventListener' | 'removeEventListener'>;
  /** An `online` event looks again at once. */
  readonly win?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** Loads the image of `key` again. */
  readonly load: (key: string) => void;
}

export interface ImageRetry {
  /** The wait before retry number `attempt` while the relay cannot be reached. */
  backoff(attempt: number): number;
  /** Looks for `key` again after the wait its reason and past attempts call for. */
  schedule(key: string, reason: RetryReason): void;
  /** The image came: its next trouble starts from the shortest wait again. */
  succeeded(key: string): void;
  /** Nobody shows the image any more: no more looks. */
  cancel(key: string): void;
  destroy(): void;
}

/**
 * Ten seconds, then minutes: an image someone pasted offline may take hours
 * to arrive, and every open view of it would otherwise ask the relay every
 * few seconds for as long as the note stays open.
 */
export const MISSING_RETRY_MS: readonly number[] = [10_000, 30_000, 120_000, 300_000];

interface Retry {
  timer: ReturnType<typeof setTimeout> | null;
  paused: boolean;
  missing: number;
  unreachable: number;
}

/**
 * When an image that could not be shown is looked for again: short back-off
 * while the relay is unreachable (people watch it wait), long back-off for
 * an image the relay does not have, nothing while the page is hidden (a
 * background tab costs the relay nothing), and at once when the page shows
 * again or the network comes back.
 */
export function createImageRetry(options: ImageRetryOptions): ImageRetry {
  const retry = options.retry ?? { minMs: 1000, maxMs: 10_000 };
  const missingMs = options.missingMs ?? MISSING_RETRY_MS;
  const { doc, win } = options;
  const retries = new Map<string, Retry>();
  const hidden = () => doc?.hidden === true;

  const backoff = (attempt: number) => Math.min(retry.maxMs, retry.minMs * 2 ** attempt);

  const now = (key: string, state: Retry) => {
    if (state.timer !== null) clearTimeout(state.timer);
    state.timer = null;
    state.paused = false;
    options.load(key);
  };

  const stop = (key: string) => {
    const state = retries.get(key);
    if (state?.timer != null) clearTimeout(state.timer);
    retries.delete(key);
  };

  const resume = () => {
    if (hidden()) return;
    for (const [key, state] of retries) if (state.paused) now(key, state);
  };

  const online = () => {
    for (const [key, state] of retries) {
      if (state.timer === null && !state.paused) continue;
      if (hidden()) {
        // Looked for when the page shows again.
        if (state.timer !== null) clearTimeout(state.timer);
        state.timer = null;
        state.paused = true;
      } else {
        now(key, state);
      }
    }
  };

  doc?.addEventListener('visibilitychange', resume);
  win?.addEventListener('online', online);

  return {
    backoff,
    schedule: (key, reason) => {
      let state = retries.get(key);
      if (state === undefined) {
        state = { timer: null, paused: false, missing: 0, unreachable: 0 };
        retries.set(key, state);
      }
      if (state.timer !== null) clearTimeout(state.timer);
      state.paused = false;
      const wait =
        reason === 'missing'
          ? (missingMs[Math.min(state.missing++, missingMs.length - 1)] ?? backoff(0))
          : backoff(state.unreachable++);
      const scheduled = state;
      scheduled.timer = setTimeout(() => {
        scheduled.timer = null;
        if (hidden()) {
          scheduled.paused = true;
          return;
        }
        options.load(key);
      }, wait);
    },
    succeeded: (key) => {
      stop(key);
    },
    cancel: (key) => {
      stop(key);
    },
    destroy: () => {
      doc?.removeEventListener('visibilitychange', resume);
      win?.removeEventListener('online', online);
      for (const state of retries.values()) if (state.timer !== null) clearTimeout(state.timer);
      retries.clear();
    },
  };
}
