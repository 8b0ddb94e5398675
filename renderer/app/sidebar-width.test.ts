import { describe, expect, it } from 'vitest';
import {
  SIDEBAR_DEFAULT,
  SIDEBAR_MAX,
  SIDEBAR_MIN,
  clampWidth,
  readSidebar,
  writeSidebar,
} from './sidebar-width.ts';

function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('sidebar width', () => {
  it('is remembered with its collapsed state, one value for every screen', () => {
    const storage = memory();
    expect(readSidebar(storage)).toEqual({ width: SIDEBAR_DEFAULT, collapsed: false });
    writeSidebar(storage, { width: 312, collapsed: true });
    expect(readSidebar(storage)).toEqual({ width: 312, collapsed: true });
  });

  it('stays within its bounds, whatever was stored', () => {
    expect(clampWidth(10)).toBe(SIDEBAR_MIN);
    expect(clampWidth(5000)).toBe(SIDEBAR_MAX);
    expect(clampWidth(Number.NaN)).toBe(SIDEBAR_DEFAULT);
    const storage = memory();
    storage.setItem('commonplace.sidebar.width', 'wide');
    expect(readSidebar(storage).width).toBe(SIDEBAR_DEFAULT);
  });
});
