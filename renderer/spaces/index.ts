export { createSpacesService, type SpacesService } from './spaces-service.ts';
export { FOCUS_REFRESH_GAP_MS, refreshSpacesOnFocus } from './refresh-on-focus.ts';
