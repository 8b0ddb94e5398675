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
  type PersonalValues,
} from './services.ts';
