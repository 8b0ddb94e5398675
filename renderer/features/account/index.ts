export { AccountMenu, type AccountMenuProps } from './AccountMenu.tsx';
export { DesktopSettings } from './DesktopSettings.tsx';
export { LocalDataNotice } from './LocalDataNotice.tsx';
