export {
  ApiRequestError,
  createRelayApi,
  type RelayApi,
  type RelayApiOptions,
} from './relay-api.ts';
export { createApiCall, type ApiCall, type ApiCallOptions } from './api-call.ts';
export { createMembersApi, type MembersApi } from './members-api.ts';
