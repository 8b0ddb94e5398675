export { GraceBanner, type GraceBannerProps } from './GraceBanner.tsx';
export { graceDaysFor } from './grace-days.ts';
export { LAST_EXPIRY_KEY, startGraceWatch, type GraceWatch } from './grace-watch.ts';
