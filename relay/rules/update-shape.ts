/**
 * Where an untrusted update writes, found without applying it: the root
 * types it adds to or deletes from, and the values it gives to keys the
 * relay has rules for. This is the fast path of the update rules: a
 * keystroke in a note's body resolves to the body root in a few look-ups and
 * needs no further check, so the rules cost next to nothing on the common
 * path; only updates that reach a guarded root (comments, templates) or
 * cannot be placed pay for a full check on a scratch copy (check-update.ts).
 *
 * A decoded Yjs struct names its place in one of three ways: a root name, the
 * id of the item holding its parent type, or a neighbour (origin or right
 * origin) whose parent it shares. Each is followed through the room's
 * document or through the update itself, with memos, so the cost stays
 * linear in the update's structs. The walk up to a root stops after
 * `MAX_PLACE_DEPTH` levels: deeper nesting is reported as `deep` (the update
 * guard then runs the update in its worker, since Yjs's event bubbling costs
 * depth × changed types, see update-guard.ts).
 */
import * as Y from 'yjs';

/** Nesting of Y types beyond which an update counts as deep; real notes nest a few dozen levels. */
export const MAX_PLACE_DEPTH = 64;

export interface UpdateShape {
  /** Root types this update inserts into or deletes from. */
  readonly roots: ReadonlySet<string>;
  /** Some struct or deletion could not be placed: it depends on structs the relay lacks (Yjs holds it pending). */
  readonly unresolved: boolean;
  /** Some struct sits deeper than `MAX_PLACE_DEPTH` levels of Y types. */
  readonly deep: boolean;
  /** Whether the update carries structs the document lacks (false: it only deletes, or repeats). */
  readonly addsStructs: boolean;
  /** Values written under map keys or attributes named in `watchedKeys`, by key. */
  readonly keyed: ReadonlyMap<string, readonly unknown[]>;
}

interface Place {
  readonly root: string | null;
  readonly depth: number;
}

const UNPLACED: Place = { root: null, depth: 0 };

type Decoded = ReturnType<typeof Y.decodeUpdate>;
/** Any Y type, as Yjs itself types the document's roots. */
type YType = Y.Doc['share'] extends Map<string, infer T> ? T : never;
type Struct = Decoded['structs'][number];

/**
 * Places every struct of `decoded` that `doc` lacks, and every item it
 * deletes, and collects the values written under `watchedKeys`.
 */
export function updateShape(
  doc: Y.Doc,
  decoded: Decoded,
  watchedKeys: ReadonlySet<string>,
): UpdateShape {
  const roots = new Set<string>();
  const keyed = new Map<string, unknown[]>();
  let unresolved = false;
  let deep = false;
  let addsStructs = false;
  const placer = new Placer(doc, decoded.structs);

  const note = (place: Place | null): void => {
    if (place === null || place.root === null) unresolved = true;
    else roots.add(place.root);
    if (place !== null && place.depth > MAX_PLACE_DEPTH) deep = true;
  };

  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue;
    addsStructs = true;
    note(placer.ofUpdateItem(struct));
    const key = placer.keyOf(struct);
    if (key !== null && watchedKeys.has(key)) {
      const values = keyed.get(key) ?? [];
      const content: unknown[] = struct.content.getContent();
      values.push(...content);
      keyed.set(key, values);
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      const end = clock + len;
      if (structs !== undefined && clock < known) {
        for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
          const struct = structs[i];
          if (struct === undefined || struct.id.clock >= end) break;
          if (struct instanceof Y.Item && !struct.deleted) note(placer.ofDocItem(struct));
        }
      }
      // Deletions past what the relay has: of structs in this update, or pending.
      if (end > known && !placer.coversInUpdate(client, Math.max(clock, known), end)) {
        unresolved = true;
      }
    }
  }
  return { roots, unresolved, deep, addsStructs, keyed };
}

/** Finds the root and depth of structs, in the document or in the update, with memos. */
class Placer {
  readonly #doc: Y.Doc;
  readonly #byClient = new Map<number, Struct[]>();
  readonly #typePlaces = new Map<YType, Place>();
  readonly #structPlaces = new Map<Struct, Place | null>();
  readonly #structKeys = new Map<Struct, string | null>();
  #rootNames: Map<YType, string> | null = null;
  /** Update structs being placed inside one another right now (see #insideItem). */
  #nesting = 0;

  constructor(doc: Y.Doc, structs: readonly Struct[]) {
    this.#doc = doc;
    for (const struct of structs) {
      const list = this.#byClient.get(struct.id.client) ?? [];
      list.push(struct);
      this.#byClient.set(struct.id.client, list);
    }
  }

  /** Whether the update's own structs cover clocks [from, to) of `client`. */
  coversInUpdate(client: number, from: number, to: number): boolean {
    const list = this.#byClient.get(client);
    if (list === undefined) return false;
    const first = list[0];
    const last = list[list.length - 1];
    if (first === undefined || last === undefined) return false;
    return first.id.clock <= from && last.id.clock + last.length >= to;
  }

  /** The place of an item integrated in the document. */
  ofDocItem(item: Y.Item): Place {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return UNPLACED;
    return this.#ofType(parent as YType);
  }

  /** The place of a struct of the update; null when it depends on something the relay lacks. */
  ofUpdateItem(start: Y.Item): Place | null {
    // Neighbour chains inside one update can be long: followed iteratively.
    const chain: Y.Item[] = [];
    let current = start;
    let place: Place | null = null;
    for (;;) {
      const memo = this.#structPlaces.get(current);
      if (memo !== undefined) {
        place = memo;
        break;
      }
      chain.push(current);
      const parent: unknown = current.parent;
      if (typeof parent === 'string') {
        place = { root: parent, depth: 0 };
        break;
      }
      if (parent instanceof Y.ID) {
        place = this.#insideItem(parent);
        break;
      }
      const neighbour = current.origin ?? current.rightOrigin;
      if (neighbour === null) break;
      const found = this.#find(neighbour);
      if (found === null) break;
      if (found.inDoc) {
        place = this.ofDocItem(found.item);
        break;
      }
      current = found.item;
    }
    for (const struct of chain) this.#structPlaces.set(struct, place);
    return place;
  }

  /** The map key or attribute an update struct writes (inherited from its neighbour), or null. */
  keyOf(start: Y.Item): string | null {
    // Overwrites of one key within an update form a chain: followed iteratively.
    const chain: Y.Item[] = [];
    let current = start;
    let key: string | null = null;
    for (;;) {
      if (current.parentSub !== null) {
        key = current.parentSub;
        break;
      }
      const memo = this.#structKeys.get(current);
      if (memo !== undefined) {
        key = memo;
        break;
      }
      chain.push(current);
      const neighbour = current.origin ?? current.rightOrigin;
      if (neighbour === null || current.parent !== null) break;
      const found = this.#find(neighbour);
      if (found === null) break;
      if (found.inDoc) {
        key = found.item.parentSub;
        break;
      }
      current = found.item;
    }
    for (const struct of chain) this.#structKeys.set(struct, key);
    return key;
  }

  /** The place of the type held by the item with `id` (one level deeper than that item). */
  #insideItem(id: Y.ID): Place | null {
    const found = this.#find(id);
    if (found === null) return null;
    const content = found.item.content;
    if (found.inDoc) {
      if (!(content instanceof Y.ContentType)) return UNPLACED;
      return this.#ofType(content.type as YType);
    }
    // Types nested inside one update recurse here: cut off like a deep walk.
    if (this.#nesting > MAX_PLACE_DEPTH) return { root: null, depth: MAX_PLACE_DEPTH + 1 };
    this.#nesting += 1;
    try {
      const outer = this.ofUpdateItem(found.item);
      return outer === null ? null : { root: outer.root, depth: outer.depth + 1 };
    } finally {
      this.#nesting -= 1;
    }
  }

  #ofType(type: YType): Place {
    const memo = this.#typePlaces.get(type);
    if (memo !== undefined) return memo;
    const path: YType[] = [];
    let current: YType = type;
    let place: Place;
    for (;;) {
      const known = this.#typePlaces.get(current);
      if (known !== undefined) {
        place = known;
        break;
      }
      path.push(current);
      const holder = current._item;
      if (holder === null) {
        place = { root: this.#rootName(current), depth: 0 };
        path.pop();
        this.#typePlaces.set(current, place);
        break;
      }
      if (path.length > MAX_PLACE_DEPTH) {
        // Too deep to walk on the fast path: reported as deep, root unknown.
        place = { root: null, depth: MAX_PLACE_DEPTH + 1 };
        break;
      }
      const parent = holder.parent;
      if (!(parent instanceof Y.AbstractType)) {
        place = UNPLACED;
        break;
      }
      current = parent as YType;
    }
    // Each type on the path is one level deeper than the next one up.
    for (let i = path.length - 1, depth = place.depth + 1; i >= 0; i--, depth++) {
      const step = path[i];
      if (step !== undefined) this.#typePlaces.set(step, { root: place.root, depth });
    }
    return this.#typePlaces.get(type) ?? place;
  }

  #rootName(type: YType): string | null {
    if (this.#rootNames === null) {
      this.#rootNames = new Map();
      for (const [name, shared] of this.#doc.share) this.#rootNames.set(shared, name);
    }
    return this.#rootNames.get(type) ?? null;
  }

  /** The struct holding clock `id`, in the document (integrated) or in the update. */
  #find(id: Y.ID): { inDoc: true; item: Y.Item } | { inDoc: false; item: Y.Item } | null {
    if (id.clock < Y.getState(this.#doc.store, id.client)) {
      const item = Y.getItem(this.#doc.store, id);
      return item instanceof Y.Item ? { inDoc: true, item } : null;
    }
    const list = this.#byClient.get(id.client);
    if (list === undefined) return null;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const struct = list[mid];
      if (struct === undefined) return null;
      if (id.clock < struct.id.clock) high = mid - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = mid + 1;
      else return struct instanceof Y.Item ? { inDoc: false, item: struct } : null;
    }
    return null;
  }
}
