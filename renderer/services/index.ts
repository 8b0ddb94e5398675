export {
  AppServicesContext,
  useAppStore,
  useDocHandle,
  useSearchService,
  useFilesService,
  useHistoryApi,
  useTrashApi,
  useAdminApi,
  usePolicyApi,
  type AppServices,
} from './services.ts';
