import { z } from 'zod';
import { formatRoomName, parseRoomName, type RoomName } from '../../../shared/wire.ts';

/** Notes remembered at most: Home shows the recent few, the rest only ages out. */
export const MAX_LOOKED = 60;

const LookSchema = z.object({
  /** When I last had the note open (epoch ms). */
  at: z.number().int().nonnegative(),
  /** Base64 of the note's local state vector when I last looked. */
  sv: z.string().max(100_000),
});
const LookedSchema = z.record(z.string(), LookSchema);
export type Look = z.infer<typeof LookSchema>;

export interface LookedStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** One list per person: another person signing in on this device sees none of it. */
export function lookedKey(sub: string): string {
  return `commonplace.looked.v1.${sub}`;
}

export function encodeVector(sv: Uint8Array): string {
  let binary = '';
  for (const byte of sv) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeVector(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** What I have looked at, newest first; an unreadable record counts as empty (nothing is lost but the list). */
export function readLooked(storage: LookedStorage, sub: string): { room: RoomName; look: Look }[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(lookedKey(sub)) ?? 'null');
  } catch {
    raw = null;
  }
  const parsed = LookedSchema.safeParse(raw);
  if (!parsed.success) return [];
  const out: { room: RoomName; look: Look }[] = [];
  for (const [key, look] of Object.entries(parsed.data)) {
    const room = parseRoomName(key);
    if (room !== null) out.push({ room, look });
  }
  return out.sort((a, b) => b.look.at - a.look.at);
}

/** Records that I am looking at `room` now, with its local state. */
export function recordLook(
  storage: LookedStorage,
  sub: string,
  room: RoomName,
  sv: Uint8Array,
  at: number,
): void {
  const kept = readLooked(storage, sub).filter(
    (entry) => formatRoomName(entry.room) !== formatRoomName(room),
  );
  const next: Record<string, Look> = { [formatRoomName(room)]: { at, sv: encodeVector(sv) } };
  for (const entry of kept.slice(0, MAX_LOOKED - 1)) next[formatRoomName(entry.room)] = entry.look;
  try {
    storage.setItem(lookedKey(sub), JSON.stringify(next));
  } catch {
    // A full storage costs Home its list, never the note.
  }
}
