export {
  ApiRequestError,
  createRelayApi,
  type RelayApi,
  type RelayApiOptions,
} from './relay-api.ts';
