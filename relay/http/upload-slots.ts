/**
 * A relay-wide cap on raw bodies (file uploads) being read at once: each
 * may hold up to `maxFileBytes` in memory while it streams in, so without a
 * cap many parallel uploads could exhaust the relay's memory. Past the cap
 * an upload is refused with 503 and `retry-after` before any of it is read.
 */
import { HttpError } from './json.ts';

/** Seconds a refused uploader is asked to wait (RFC 9110 §10.2.3). */
export const UPLOAD_RETRY_AFTER_S = 1;

export class UploadSlots {
  readonly #max: number;
  #inUse = 0;

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error('maxConcurrentUploads must be ≥ 1');
    this.#max = max;
  }

  /** Uploads being read now. */
  get inUse(): number {
    return this.#inUse;
  }

  /**
   * Takes a slot; the returned function gives it back (calling it again does nothing).
   * @throws HttpError 503 `too_many_uploads` when every slot is taken.
   */
  acquire(): () => void {
    if (this.#inUse >= this.#max) {
      throw new HttpError(
        503,
        'too_many_uploads',
        `the relay is receiving ${String(this.#max)} uploads already; retry in a moment`,
        { 'retry-after': String(UPLOAD_RETRY_AFTER_S) },
      );
    }
    this.#inUse += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inUse -= 1;
    };
  }
}
