export { createSpacesService, type SpacesService } from './spaces-service.ts';
export { FOCUS_REFRESH_GAP_MS, refreshSpacesOnFocus } from './refresh-on-focus.ts';
export { SPACES_POLL_MS, watchSpacesPush, type SpacesPushOptions } from './spaces-push.ts';
export { useSpacesPush } from './use-spaces-push.ts';
