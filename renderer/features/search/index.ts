export { SearchLauncher, type SearchLauncherProps } from './SearchLauncher.tsx';
export { SearchPalette, type SearchPaletteProps } from './SearchPalette.tsx';
export { Highlight } from './Highlight.tsx';
export { isSearchShortcut } from './use-search-shortcut.ts';
