// Images in notes: the editor node, its paste and drop
// handling, and the service that keeps, uploads and shows image files.
export { NoteImage, type NoteImageOptions } from './image-node.ts';
export { refuseImage } from './image-checks.ts';
export { canAddImages, chooseImageFiles, insertChosenImages } from './choose-images.ts';
export {
  createFilesService,
  type AddResult,
  type FilesService,
  type FilesServiceOptions,
  type ImageFile,
  type ImageState,
} from './files-service.ts';
export { IMAGE_EXTENSIONS } from './refused-actions.ts';
export { useImageSupport } from './use-image-support.tsx';
