import { afterEach, describe, expect, it } from 'vitest';
import { FOCUS_REFRESH_GAP_MS, refreshSpacesOnFocus } from './index.ts';

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

function setVisibility(value: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { value, configurable: true });
}

describe('refreshSpacesOnFocus', () => {
  it('re-reads the spaces when the window regains focus or becomes visible, not in bursts', () => {
    let clock = 1_000;
    let refreshes = 0;
    const service = {
      refresh: () => {
        refreshes += 1;
        return Promise.resolve();
      },
    };
    stop = refreshSpacesOnFocus(window, service, () => clock);
    setVisibility('visible');
    window.dispatchEvent(new Event('focus'));
    expect(refreshes).toBe(1);
    // Focus and visibilitychange arrive together when a tab comes back: one refresh.
    document.dispatchEvent(new Event('visibilitychange'));
    expect(refreshes).toBe(1);
    clock += FOCUS_REFRESH_GAP_MS;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(refreshes).toBe(2);
    clock += FOCUS_REFRESH_GAP_MS;
    setVisibility('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(refreshes).toBe(2);
    setVisibility('visible');
    stop();
    stop = null;
    window.dispatchEvent(new Event('focus'));
    expect(refreshes).toBe(2);
  });
});
