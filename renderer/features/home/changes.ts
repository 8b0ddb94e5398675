import * as decoding from 'lib0/decoding';

/** A Yjs state vector as client id → clock (the encoding of `Y.encodeStateVector`). */
export function readVector(sv: Uint8Array): Map<number, number> | null {
  try {
    const decoder = decoding.createDecoder(sv);
    const count = decoding.readVarUint(decoder);
    const out = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const client = decoding.readVarUint(decoder);
      out.set(client, decoding.readVarUint(decoder));
    }
    return out;
  } catch {
    return null;
  }
}

/**
 * Whether the note holds edits it did not hold when I looked: some writer's
 * clock moved past what I saw. Read from state vectors only, so it works from
 * the local store offline, without loading the note.
 */
export function advancedSince(seen: Uint8Array, now: Uint8Array): boolean {
  const before = readVector(seen);
  const after = readVector(now);
  if (before === null || after === null) return false;
  for (const [client, clock] of after) {
    if (clock > (before.get(client) ?? 0)) return true;
  }
  return false;
}
