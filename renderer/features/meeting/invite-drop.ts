/** Whether a drag carries files (not text or a link being dragged within the page). */
export function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') === true;
}

/**
 * Whether the drop lands where something else takes it: the note editor
 * (images go into the note there) or any open dialog (the meeting form
 * reads a dropped invitation itself).
 */
export function isOwnedElsewhere(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.ProseMirror, [role="dialog"]') !== null;
}

/** An `.ics` invitation by name or type (browsers report `text/calendar`; some report nothing). */
export function isInviteFile(file: { readonly name: string; readonly type: string }): boolean {
  return /\.ics$/i.test(file.name) || file.type === 'text/calendar';
}
