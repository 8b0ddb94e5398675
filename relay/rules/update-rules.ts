/**
 * The relay's judgement of one update, made as it arrives: before it is
 * stored or broadcast, in its room's queue (so against exactly the document
 * it would change). The relay is the only judge of who wrote what and of the
 * caps every member depends on; the app checks the same rules only to
 * explain them early.
 *
 * Design: the update is first placed without applying it (update-shape.ts):
 * which root types it writes to and which values it gives to watched keys.
 * That alone settles the common case (a keystroke in a note's body) at the
 * cost of a few look-ups. Only an update that reaches a guarded root
 * (a note's comments, the index's templates), that cannot be placed (it
 * depends on structs Yjs would hold pending) or that nests too deep is
 * applied to a scratch copy of the document, and the guarded part is compared
 * before and after against the sender (comment-rules.ts, template-rules.ts).
 * Comparing states rather than decoded structs is what makes the rules
 * robust: Yjs's own integration says what changed (overwritten map values,
 * array positions, pending structs completed now), so the rules cannot be
 * fooled by how an update is encoded. Keying comments per author in the
 * document was the alternative; it would not cover resolutions or deletions
 * of someone else's entry, and would need a migration of stored notes.
 */
import * as Y from 'yjs';
import { FILE_ID_PATTERN } from '../../shared/files-api.ts';
import type { RelayLimits } from '../../shared/limits.ts';
import { CloseCode, SPACE_INDEX_DOC_ID, parseRoomName } from '../../shared/wire.ts';
import { COMMENTS_FIELD } from '../../shared/comments/index.ts';
import { TEMPLATES_KEY } from '../../shared/space-templates/index.ts';
import { ProtocolError, validateUpdate, type DecodedUpdate } from '../protocol/decode.ts';
import { checkComments } from './comment-rules.ts';
import { checkTemplates } from './template-rules.ts';
import type { UpdateGuard } from './update-guard.ts';
import { updateShape } from './update-shape.ts';

/** What becomes of an update. */
export type Verdict =
  | { readonly kind: 'accept'; readonly decoded: DecodedUpdate }
  /** Dropped; the sender is told `reason` and stays connected. */
  | { readonly kind: 'refuse'; readonly reason: string }
  /** Dropped and the sender closed: the update itself is hostile or broken. */
  | { readonly kind: 'close'; readonly code: number; readonly reason: string };

/** The room as the rules see it. */
export interface RuledRoom {
  readonly name: string;
  readonly doc: Y.Doc;
  /** An upper bound of the document's encoded size, in bytes. */
  readonly sizeEstimate: number;
  /** Replaces the estimate with a measured size. */
  measureSize(): number;
}

export interface UpdateRulesOptions {
  readonly limits: RelayLimits;
  /** The worker that tries costly updates first; none in unit tests of the rules alone. */
  readonly guard: UpdateGuard | null;
  /**
   * Skips the authorship and cap checks (the guard stays). For the benchmark
   * that measures what the checks cost, never for a deployed relay.
   */
  readonly skipChecks?: boolean;
}

/** Map keys and attributes whose values the rules look at on every update. */
const WATCHED_KEYS: ReadonlySet<string> = new Set(['fileId']);

/** Root types whose changes are compared before and after, by kind of document. */
const NOTE_GUARDED = [COMMENTS_FIELD];
const INDEX_GUARDED = [TEMPLATES_KEY];

export class UpdateRules {
  readonly #options: UpdateRulesOptions;

  constructor(options: UpdateRulesOptions) {
    this.#options = options;
  }

  /**
   * Judges `update` from `sender` (a token's `sub`) for `room`. Synchronous
   * unless the update needs the guard's worker.
   */
  judge(
    room: RuledRoom,
    sender: string,
    update: Uint8Array,
    decoded: DecodedUpdate | null,
  ): Verdict | Promise<Verdict> {
    if (decoded === null) {
      return this.#guarded(room, update).then((verdict) =>
        verdict.kind === 'accept'
          ? this.#rules(room, sender, update, verdict.decoded, true)
          : verdict,
      );
    }
    return this.#rules(room, sender, update, decoded, false);
  }

  #rules(
    room: RuledRoom,
    sender: string,
    update: Uint8Array,
    decoded: DecodedUpdate,
    tried: boolean,
  ): Verdict | Promise<Verdict> {
    if (this.#options.skipChecks === true) return { kind: 'accept', decoded };
    const shape = updateShape(room.doc, decoded, WATCHED_KEYS);
    if (shape.deep && !tried) {
      return this.#guarded(room, update).then((verdict) =>
        verdict.kind === 'accept' ? this.#rules(room, sender, update, decoded, true) : verdict,
      );
    }
    for (const value of shape.keyed.get('fileId') ?? []) {
      if (value !== null && (typeof value !== 'string' || !FILE_ID_PATTERN.test(value))) {
        return refuse('an image must name a file of this space by its id');
      }
    }
    const { maxDocBytes } = this.#options.limits;
    if (shape.addsStructs && room.sizeEstimate + update.byteLength > maxDocBytes) {
      if (room.measureSize() + update.byteLength > maxDocBytes) {
        return refuse(
          `this document would exceed the relay's limit of ${String(maxDocBytes)} bytes`,
        );
      }
    }
    const isIndex = parseRoomName(room.name)?.docId === SPACE_INDEX_DOC_ID;
    const guarded = isIndex ? INDEX_GUARDED : NOTE_GUARDED;
    if (!shape.unresolved && !shape.deep && !guarded.some((root) => shape.roots.has(root))) {
      return { kind: 'accept', decoded };
    }
    const after = new Y.Doc({ gc: true });
    try {
      Y.applyUpdate(after, Y.encodeStateAsUpdate(room.doc));
      Y.applyUpdate(after, update);
      const refusal = isIndex
        ? checkTemplates(room.doc, after, sender)
        : checkComments(room.doc, after, sender);
      return refusal === null ? { kind: 'accept', decoded } : refuse(refusal);
    } finally {
      after.destroy();
    }
  }

  /** Runs `update` through the guard's worker, then decodes it here, now known to be bounded. */
  async #guarded(room: RuledRoom, update: Uint8Array): Promise<Verdict> {
    const guard = this.#options.guard;
    if (guard !== null) {
      const verdict = await guard.check(Y.encodeStateAsUpdate(room.doc), update);
      if (!verdict.ok && verdict.why === 'limit') {
        return {
          kind: 'close',
          code: CloseCode.UpdateTooCostly,
          reason: `update refused: ${verdict.message}`.slice(0, 120),
        };
      }
      if (!verdict.ok) return malformed(verdict.message);
    }
    try {
      return { kind: 'accept', decoded: validateUpdate(update).decoded };
    } catch (err) {
      if (err instanceof ProtocolError) return malformed(err.message);
      throw err;
    }
  }
}

function refuse(reason: string): Verdict {
  return { kind: 'refuse', reason };
}

function malformed(message: string): Verdict {
  return {
    kind: 'close',
    code: CloseCode.MalformedMessage,
    reason: `malformed message: ${message}`.slice(0, 120),
  };
}
