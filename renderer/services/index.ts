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
  useOpenSpacesApi,
  type AppServices,
} from './services.ts';
