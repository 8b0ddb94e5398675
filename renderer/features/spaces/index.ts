export { SpacesSidebar, type SpacesSidebarProps } from './SpacesSidebar.tsx';
