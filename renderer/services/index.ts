export { AppServicesContext, useAppStore, useDocHandle, type AppServices } from './services.ts';
