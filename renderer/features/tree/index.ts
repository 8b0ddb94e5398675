export { PageTreeNav, type PageTreeNavProps } from './PageTreeNav.tsx';
export { PageCrumbs, type PageCrumbsProps } from './PageCrumbs.tsx';
export { useSpaceIndex, type SpaceIndexView } from './use-space-index.ts';
export { SPACE_INDEX_DOC_ID, newPageId, spaceIndexRoom } from './space-index-room.ts';
