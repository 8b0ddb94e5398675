export { createSpacesService, type SpacesService } from './spaces-service.ts';
