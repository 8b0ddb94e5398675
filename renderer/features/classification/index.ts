export { ClassificationBadge, ClassificationBanner } from './ClassificationBanner.tsx';
export { ClassificationTab } from './ClassificationTab.tsx';
export { SpaceLabelField } from './SpaceLabelField.tsx';
export { copyGuardHandlers } from './copy-guard.ts';
export { onlineOnlySpaces } from './decisions.ts';
export { purgeLocalCopies } from './local-purge.ts';
export {
  createClassificationService,
  type ClassificationService,
  type ClassificationServiceOptions,
} from './service.ts';
export { useClassificationService, useCompanyLabels, useSpaceLabel } from './use-classification.ts';
export { labelName } from './label-text.ts';
export { exportRefusal, requestExport } from './export-refusal.ts';
