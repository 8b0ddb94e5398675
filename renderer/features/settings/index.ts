export { ManagedSettings } from './ManagedSettings.tsx';
