export {
  AppServicesContext,
  useAppStore,
  useDocHandle,
  useSearchService,
  useFilesService,
  useHistoryApi,
  useTrashApi,
  type AppServices,
} from './services.ts';
