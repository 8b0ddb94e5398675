export {
  AppServicesContext,
  useAppStore,
  useDocHandle,
  useSearchService,
  useFilesService,
  type AppServices,
} from './services.ts';
