export {
  AppServicesContext,
  useAppStore,
  useDocHandle,
  useSearchService,
  useFilesService,
  useHistoryApi,
  useTrashApi,
  useAdminApi,
  useTokensApi,
  usePolicyApi,
  type AppServices,
} from './services.ts';
