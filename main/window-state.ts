import { z } from 'zod';

/**
 * The main window's place, remembered across restarts and displays. A saved
 * place is used only when it is still on a connected display (a laptop
 * undocked from its second monitor must not open its window off-screen);
 * otherwise the window opens centred on the primary display, at the saved
 * size if that fits.
 */

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const SavedWindowStateSchema = z
  .object({
    x: z.int(),
    y: z.int(),
    width: z.int().min(1).max(100_000),
    height: z.int().min(1).max(100_000),
    maximized: z.boolean().default(false),
  })
  .strip();
export type SavedWindowState = z.infer<typeof SavedWindowStateSchema>;

/** The part of Electron's `screen` the window state reads. */
export interface ScreenLike {
  getAllDisplays(): readonly { readonly workArea: Rectangle }[];
  getPrimaryDisplay(): { readonly workArea: Rectangle };
}

export interface RestoredPlace {
  readonly bounds: Rectangle;
  readonly maximized: boolean;
}

/** The default size of a first window. */
export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
/** How much of the title bar must be on a display for the place to count as visible. */
const MIN_VISIBLE = { width: 100, height: 40 } as const;

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** Whether enough of the window's top edge (where it is grabbed) lies on `area`. */
function titleBarOn(bounds: Rectangle, area: Rectangle): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: MIN_VISIBLE.height };
  const seen = overlap(titleBar, area);
  return (
    seen.width >= Math.min(MIN_VISIBLE.width, bounds.width) && seen.height >= MIN_VISIBLE.height
  );
}

/** Centred on the primary display's work area, shrunk to fit it. */
export function centredOnPrimary(screen: ScreenLike, size: { width: number; height: number }) {
  const area = screen.getPrimaryDisplay().workArea;
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  };
}

/** Where to open the window: the saved place if it is on a connected display, else centred. */
export function restorePlace(saved: SavedWindowState | null, screen: ScreenLike): RestoredPlace {
  if (saved === null) return { bounds: centredOnPrimary(screen, DEFAULT_SIZE), maximized: false };
  const onScreen = screen.getAllDisplays().some((display) => titleBarOn(saved, display.workArea));
  return onScreen
    ? {
        bounds: { x: saved.x, y: saved.y, width: saved.width, height: saved.height },
        maximized: saved.maximized,
      }
    : { bounds: centredOnPrimary(screen, saved), maximized: saved.maximized };
}

/** Reads the saved state; anything unreadable counts as none. */
export function parseSavedState(text: string | null): SavedWindowState | null {
  if (text === null) return null;
  try {
    const parsed = SavedWindowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The parts of `BrowserWindow` tracking uses. */
export interface TrackedWindow {
  on(event: 'close' | 'resize' | 'move', listener: () => void): unknown;
  getNormalBounds(): Rectangle;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

export interface TrackOptions {
  readonly save: (text: string) => void;
  /** Saving on every move would write dozens of times a second; once it rests is enough. */
  readonly debounceMs?: number;
  readonly timers?: {
    setTimeout(callback: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
  };
}

/**
 * Saves the window's normal (unmaximised) bounds when it rests after a move
 * or resize, and when it closes, so the next start opens it where it was.
 */
export function trackWindowState(window: TrackedWindow, options: TrackOptions): void {
  const timers = options.timers ?? {
    setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
    clearTimeout: (handle: unknown) => {
      clearTimeout(handle as NodeJS.Timeout);
    },
  };
  let pending: unknown = null;
  const save = (): void => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
    if (window.isDestroyed()) return;
    const state: SavedWindowState = {
      ...window.getNormalBounds(),
      maximized: window.isMaximized(),
    };
    options.save(JSON.stringify(state));
  };
  const later = (): void => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = timers.setTimeout(save, options.debounceMs ?? 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', save);
}
