export { AccountMenu, type AccountMenuProps } from './AccountMenu.tsx';
export { DesktopSettings } from './DesktopSettings.tsx';
