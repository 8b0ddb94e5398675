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
  type PersonalValues,
} from './services.ts';
