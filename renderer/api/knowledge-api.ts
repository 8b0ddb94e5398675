import type { Expert, Profile, ProfileEdit, SearchHit } from '../../shared/knowledge-api.ts';
import { API } from '../../shared/rest/index.ts';
import { createApiCall, type ApiCallOptions } from './api-call.ts';

/** Relay-side search, profiles and the expert finder. */
export interface KnowledgeApi {
  search(q: string): Promise<SearchHit[]>;
  experts(q: string): Promise<Expert[]>;
  profile(userId: string): Promise<Profile>;
  /** Replaces the caller's own skills, topics and expert-finder choice. */
  saveOwn(edit: ProfileEdit): Promise<Profile>;
}

export function createKnowledgeApi(options: ApiCallOptions): KnowledgeApi {
  const call = createApiCall(options);
  return {
    search: async (q) => (await call(API.searchNotes, { query: { q } })).hits,
    experts: async (q) => (await call(API.findExperts, { query: { q } })).experts,
    profile: (userId) => call(API.getProfile, { params: { userId } }),
    saveOwn: (edit) => call(API.updateMyProfile, { body: edit }),
  };
}
