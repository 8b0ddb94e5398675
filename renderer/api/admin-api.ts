import type {
  AdminSpace,
  AuditExportFormat,
  AuditPage,
  AuditQuery,
  AuditVerification,
} from '../../shared/admin-api.ts';
import type { Person } from '../../shared/api.ts';
import { API } from '../../shared/rest/index.ts';
import { createAdoptionApi, type AdoptionApi } from './adoption-api.ts';
import { createApiCall, createRawApiCall, type ApiCallOptions } from './api-call.ts';
import { createLegalApi, type LegalApi } from './legal-api.ts';
import { createServiceAccountsApi, type ServiceAccountsApi } from './tokens-api.ts';
import { createWebhooksApi, type WebhooksApi } from './webhooks-api.ts';

/** What company admins do over the relay's admin routes; see shared/admin-api.ts. */
export interface AdminApi {
  /** Whether the signed-in person is an admin (asked once; anyone may ask). */
  isAdmin(): Promise<boolean>;
  /** One page of the audit log, newest first. */
  audit(query: AuditQuery): Promise<AuditPage>;
  /** The filtered audit log as a file to save. */
  exportAudit(format: AuditExportFormat, query: AuditQuery): Promise<Blob>;
  verify(): Promise<AuditVerification>;
  people(q: string): Promise<Person[]>;
  spaces(): Promise<AdminSpace[]>;
  /** Tells the relay that this person exported the space, for the audit log. */
  recordExport(spaceId: string): Promise<void>;
  /** Makes `userId` an owner of the space. */
  recover(spaceId: string, userId: string): Promise<AdminSpace>;
  /** Retention, legal holds and eDiscovery export. */
  readonly legal: LegalApi;
  /** Outgoing webhooks (company-wide and per space). */
  readonly webhooks?: WebhooksApi;
  /** Service accounts: identities of their own for integrations, with one token each. */
  readonly serviceAccounts?: ServiceAccountsApi;
  /** The adoption view and champions. */
  readonly adoption?: AdoptionApi;
}

/** The filters as query parameters (unset ones left out). */
function queryOf(query: AuditQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') out[key] = String(value);
  }
  return out;
}

export function createAdminApi(options: ApiCallOptions): AdminApi {
  const call = createApiCall(options);
  const raw = createRawApiCall(options);
  return {
    isAdmin: async () => (await call(API.getAdminStatus)).admin,
    audit: (query) => call(API.listAuditEntries, { query: queryOf(query) }),
    exportAudit: async (format, query) => {
      const response = await raw(API.exportAuditEntries, {
        query: { ...queryOf(query), format },
        accept: format === 'csv' ? 'text/csv' : 'application/x-ndjson',
      });
      return response.blob();
    },
    verify: () => call(API.verifyAuditLog),
    people: async (q) => (await call(API.listAllPeople, { query: { q } })).people,
    spaces: async () => (await call(API.listAllSpaces)).spaces,
    recordExport: async (spaceId) => {
      await call(API.recordSpaceExport, { params: { id: spaceId } });
    },
    recover: (spaceId, userId) =>
      call(API.recoverSpace, { params: { id: spaceId }, body: { userId } }),
    legal: createLegalApi(options),
    webhooks: createWebhooksApi(options),
    serviceAccounts: createServiceAccountsApi(options),
    adoption: createAdoptionApi(options),
  };
}
