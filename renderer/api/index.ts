export {
  ApiRequestError,
  createRelayApi,
  type RelayApi,
  type RelayApiOptions,
} from './relay-api.ts';
export { createApiCall, type ApiCall, type ApiCallOptions } from './api-call.ts';
export { createMembersApi, type MembersApi } from './members-api.ts';
export { createHistoryApi, type HistoryApi, type Snapshot } from './history-api.ts';
export { createFilesApi, type FilesApi } from './files-api.ts';
export { createTrashApi, type TrashApi } from './trash-api.ts';
export { createAdminApi, type AdminApi } from './admin-api.ts';
export {
  createServiceAccountsApi,
  createTokensApi,
  type ServiceAccountsApi,
  type TokensApi,
} from './tokens-api.ts';
export { createAdoptionApi, type AdoptionApi } from './adoption-api.ts';
export { createClassificationApi, type ClassificationApi } from './classification-api.ts';
export { createKnowledgeApi, type KnowledgeApi } from './knowledge-api.ts';
export { createOpenSpacesApi, type OpenSpacesApi } from './open-spaces-api.ts';
export { createNotificationsApi, type NotificationsApi } from './notifications-api.ts';
