export {
  AppServicesContext,
  useAppStore,
  useDocHandle,
  useSearchService,
  useFilesService,
  useHistoryApi,
  useTrashApi,
  useAdminApi,
  useKnowledgeApi,
  usePolicyApi,
  type AppServices,
} from './services.ts';
