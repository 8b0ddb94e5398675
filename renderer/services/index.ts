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
  useNotificationsApi,
  type AppServices,
} from './services.ts';
