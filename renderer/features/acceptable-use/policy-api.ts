import type { AdminPolicy, PolicyStatus, PolicyVersion } from '../../../shared/acceptable-use.ts';
import { API } from '../../../shared/rest/index.ts';
import { createApiCall, type ApiCallOptions } from '../../api/api-call.ts';

/** The acceptable-use policy over the relay's REST API; see shared/acceptable-use.ts. */
export interface PolicyApi {
  /** The current version and whether this person must accept it. */
  status(): Promise<PolicyStatus>;
  /** Accepts `version` (the one read); a newer one published meanwhile is refused (409). */
  accept(version: number): Promise<PolicyStatus>;
  /** Every version and who accepted the current one (admins only). */
  adminView(): Promise<AdminPolicy>;
  /** Publishes a new version (admins only). */
  publish(text: string): Promise<PolicyVersion>;
}

export function createPolicyApi(options: ApiCallOptions): PolicyApi {
  const call = createApiCall(options);
  return {
    status: () => call(API.getPolicyStatus),
    accept: (version) => call(API.acceptPolicy, { body: { version } }),
    adminView: () => call(API.getAdminPolicy),
    publish: (text) => call(API.publishPolicy, { body: { text } }),
  };
}
