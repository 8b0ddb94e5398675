/**
 * Caps on raw bodies (file uploads) being read at once. Each may hold up to
 * `maxFileBytes` in memory while it streams in, so without a relay-wide cap
 * many parallel uploads could exhaust the relay's memory (503 with
 * `retry-after` past it). And one person may hold only a few of those slots
 * (429 naming `maxConcurrentUploadsPerPerson` past it), so that uploads that
 * never finish from one person cannot take every slot: a stalled one is also
 * cut off after `uploadIdleTimeoutMs` of silence (raw-body.ts). Both refusals
 * come before any of the body is read.
 */
import { HttpError, limitExceeded } from './json.ts';

/** Seconds a refused uploader is asked to wait (RFC 9110 §10.2.3). */
export const UPLOAD_RETRY_AFTER_S = 1;

export class UploadSlots {
  readonly #max: number;
  readonly #maxPerPerson: number;
  readonly #byPerson = new Map<string, number>();
  #inUse = 0;

  constructor(max: number, maxPerPerson: number = max) {
    if (!Number.isInteger(max) || max < 1) throw new Error('maxConcurrentUploads must be ≥ 1');
    if (!Number.isInteger(maxPerPerson) || maxPerPerson < 1) {
      throw new Error('maxConcurrentUploadsPerPerson must be ≥ 1');
    }
    this.#max = max;
    this.#maxPerPerson = maxPerPerson;
  }

  /** Uploads being read now. */
  get inUse(): number {
    return this.#inUse;
  }

  /**
   * Takes a slot for `person`; the returned function gives it back (calling it again does nothing).
   * @throws HttpError 429 when the person holds their share already, 503 when every slot is taken.
   */
  acquire(person: string): () => void {
    const held = this.#byPerson.get(person) ?? 0;
    if (held >= this.#maxPerPerson) {
      throw limitExceeded(
        'maxConcurrentUploadsPerPerson',
        UPLOAD_RETRY_AFTER_S * 1000,
        `you are uploading ${String(held)} files already`,
      );
    }
    if (this.#inUse >= this.#max) {
      throw new HttpError(
        503,
        'too_many_uploads',
        `the relay is receiving ${String(this.#max)} uploads already; retry in a moment`,
        { 'retry-after': String(UPLOAD_RETRY_AFTER_S) },
      );
    }
    this.#inUse += 1;
    this.#byPerson.set(person, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inUse -= 1;
      const left = (this.#byPerson.get(person) ?? 1) - 1;
      if (left <= 0) this.#byPerson.delete(person);
      else this.#byPerson.set(person, left);
    };
  }
}
