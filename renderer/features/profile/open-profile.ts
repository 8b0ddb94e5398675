/**
 * The one way to open a person's profile from anywhere (presence pills,
 * comment authors, mentions, action-item assignees): the workspace registers
 * how it navigates; a PersonLink asks for it. Outside a workspace (tests,
 * previews) no opener is set and names stay plain text.
 */
type Opener = (personId: string) => void;

let opener: Opener | null = null;
const listeners = new Set<() => void>();

/** Sets (or, with null, clears) how profiles open; returns a function that clears it. */
export function setProfileOpener(next: Opener | null): () => void {
  opener = next;
  for (const listener of listeners) listener();
  return () => {
    if (opener === next) setProfileOpener(null);
  };
}

/** Opens `personId`'s profile; false when nothing can open it here. */
export function openProfile(personId: string): boolean {
  if (opener === null) return false;
  opener(personId);
  return true;
}

/** Whether profiles can be opened now (for rendering a link or plain text). */
export function canOpenProfiles(): boolean {
  return opener !== null;
}

/** Subscribes to changes of the opener (React's useSyncExternalStore). */
export function subscribeOpener(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
