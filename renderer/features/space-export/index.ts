export { ExportSpaceButton, type ExportSpaceButtonProps } from './ExportSpaceButton.tsx';
export { exportSpace, type SpaceExportInput, type SpaceExportResult } from './export-space.ts';
export { ARCHIVE_FOLDER, exportPaths, sanitizeName, type ExportEntry } from './export-paths.ts';
