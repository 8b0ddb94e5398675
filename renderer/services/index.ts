export {
  AppServicesContext,
  useAppStore,
  useDocHandle,
  useSearchService,
  type AppServices,
} from './services.ts';
