import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIZE,
  parseSavedState,
  restorePlace,
  trackWindowState,
  type Rectangle,
  type ScreenLike,
  type TrackedWindow,
} from './window-state.ts';

/** Fake displays: the primary first, as Electron lists them. */
function screenOf(...areas: Rectangle[]): ScreenLike {
  const displays = areas.map((workArea) => ({ workArea }));
  return {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0] ?? { workArea: { x: 0, y: 0, width: 1, height: 1 } },
  };
}

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('window place', () => {
  it('restores a place on a connected display, also the second one', () => {
    const saved = { x: 1700, y: 100, width: 1400, height: 900, maximized: true };
    expect(restorePlace(saved, screenOf(laptop, monitorRight))).toEqual({
      bounds: { x: 1700, y: 100, width: 1400, height: 900 },
      maximized: true,
    });
  });

  it('centres on the primary display when the saved display is gone, shrinking to fit', () => {
    const saved = { x: 1700, y: 100, width: 2000, height: 900, maximized: false };
    expect(restorePlace(saved, screenOf(laptop))).toEqual({
      bounds: { x: 0, y: 0, width: 1440, height: 875 },
      maximized: false,
    });
    const small = { x: 3000, y: 200, width: 1000, height: 700, maximized: false };
    expect(restorePlace(small, screenOf(laptop)).bounds).toEqual({
      x: 220,
      y: 88,
      width: 1000,
      height: 700,
    });
  });

  it('does not restore a window whose title bar is off every display', () => {
    // Mostly on the laptop, but its top edge is above the screen: it could not be dragged.
    const saved = { x: 100, y: -300, width: 1000, height: 800, maximized: false };
    expect(restorePlace(saved, screenOf(laptop)).bounds.y).toBeGreaterThanOrEqual(0);
    // A sliver of 20 pixels at the right edge is not enough to grab.
    const sliver = { x: 1420, y: 100, width: 800, height: 600, maximized: false };
    expect(restorePlace(sliver, screenOf(laptop)).bounds.x).toBe(320);
  });

  it('opens a first window at the default size, centred', () => {
    const place = restorePlace(null, screenOf({ x: 0, y: 25, width: 1920, height: 1055 }));
    expect(place.bounds).toEqual({ x: 360, y: 153, ...DEFAULT_SIZE });
  });

  it('treats an unreadable or hostile file as no saved place', () => {
    expect(parseSavedState(null)).toBeNull();
    expect(parseSavedState('{not json')).toBeNull();
    expect(parseSavedState('{"x":"1","y":0,"width":10,"height":10}')).toBeNull();
    expect(parseSavedState('{"x":1,"y":0,"width":0,"height":10}')).toBeNull();
    expect(parseSavedState('{"x":1,"y":2,"width":3,"height":4}')).toEqual({
      x: 1,
      y: 2,
      width: 3,
      height: 4,
      maximized: false,
    });
  });
});

describe('tracking the window', () => {
  function fakeWindow() {
    const listeners = new Map<string, () => void>();
    let bounds: Rectangle = { x: 10, y: 20, width: 800, height: 600 };
    const window: TrackedWindow & { emit(e: string): void; moveTo(b: Rectangle): void } = {
      on: (event, listener) => {
        listeners.set(event, listener);
      },
      getNormalBounds: () => bounds,
      isMaximized: () => false,
      isDestroyed: () => false,
      emit: (e) => listeners.get(e)?.(),
      moveTo: (b) => {
        bounds = b;
      },
    };
    return window;
  }

  it('saves once the window rests after moving, and on close', () => {
    const window = fakeWindow();
    const saved: string[] = [];
    let due: (() => void) | null = null;
    trackWindowState(window, {
      save: (text) => saved.push(text),
      timers: {
        setTimeout: (callback) => {
          due = callback;
          return 1;
        },
        clearTimeout: () => {
          due = null;
        },
      },
    });
    window.moveTo({ x: 50, y: 60, width: 800, height: 600 });
    window.emit('move');
    window.emit('move');
    expect(saved).toEqual([]);
    (due as (() => void) | null)?.();
    expect(parseSavedState(saved[0] ?? null)).toMatchObject({ x: 50, y: 60 });
    window.moveTo({ x: 70, y: 80, width: 900, height: 700 });
    window.emit('close');
    expect(parseSavedState(saved[1] ?? null)).toEqual({
      x: 70,
      y: 80,
      width: 900,
      height: 700,
      maximized: false,
    });
  });
});
