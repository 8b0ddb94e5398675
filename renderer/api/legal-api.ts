import type {
  HoldScope,
  LegalHold,
  RetentionPolicy,
  RetentionSettings,
} from '../../shared/legal-api.ts';
import { API } from '../../shared/rest/index.ts';
import { createApiCall, createRawApiCall, type ApiCallOptions } from './api-call.ts';

/** Retention, legal holds and eDiscovery export (company admins); see shared/legal-api.ts. */
export interface LegalApi {
  retention(): Promise<RetentionSettings>;
  setCompanyRetention(policy: RetentionPolicy): Promise<RetentionSettings>;
  /** Both null removes the space's override. */
  setSpaceRetention(spaceId: string, policy: RetentionPolicy): Promise<RetentionSettings>;
  holds(): Promise<LegalHold[]>;
  createHold(caseName: string, scope: HoldScope): Promise<LegalHold>;
  releaseHold(id: string): Promise<LegalHold>;
  /** The zip of an active hold's notes. */
  exportHold(id: string): Promise<Blob>;
}

export function createLegalApi(options: ApiCallOptions): LegalApi {
  const call = createApiCall(options);
  const raw = createRawApiCall(options);
  return {
    retention: () => call(API.getRetention),
    setCompanyRetention: (policy) => call(API.setCompanyRetention, { body: policy }),
    setSpaceRetention: (spaceId, policy) =>
      call(API.setSpaceRetention, { params: { id: spaceId }, body: policy }),
    holds: async () => (await call(API.listHolds)).holds,
    createHold: (caseName, scope) => call(API.createHold, { body: { caseName, scope } }),
    releaseHold: (id) => call(API.releaseHold, { params: { holdId: id } }),
    exportHold: async (id) => {
      const response = await raw(API.exportHold, {
        params: { holdId: id },
        accept: 'application/zip',
      });
      return response.blob();
    },
  };
}
