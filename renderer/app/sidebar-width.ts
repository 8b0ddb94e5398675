/** The sidebar's width: one value for every screen, remembered on this device. */
export const SIDEBAR_MIN = 200;
export const SIDEBAR_MAX = 420;
export const SIDEBAR_DEFAULT = 260;

const WIDTH_KEY = 'commonplace.sidebar.width';
const COLLAPSED_KEY = 'commonplace.sidebar.collapsed';

export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDEBAR_DEFAULT;
  return Math.round(Math.min(SIDEBAR_MAX, Math.max(SIDEBAR_MIN, width)));
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export function readSidebar(storage: Store | undefined): { width: number; collapsed: boolean } {
  try {
    const raw = storage?.getItem(WIDTH_KEY) ?? null;
    return {
      width: raw === null ? SIDEBAR_DEFAULT : clampWidth(Number(raw)),
      collapsed: storage?.getItem(COLLAPSED_KEY) === 'true',
    };
  } catch {
    // Blocked storage: the default layout, not a broken one.
    return { width: SIDEBAR_DEFAULT, collapsed: false };
  }
}

export function writeSidebar(
  storage: Store | undefined,
  value: { readonly width: number; readonly collapsed: boolean },
): void {
  try {
    storage?.setItem(WIDTH_KEY, String(clampWidth(value.width)));
    storage?.setItem(COLLAPSED_KEY, String(value.collapsed));
  } catch {
    // Not remembered; the layout still changes for this session.
  }
}
