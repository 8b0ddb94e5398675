import type { AdoptionReport } from '../../shared/adoption-api.ts';
import type { Person } from '../../shared/api.ts';
import { API } from '../../shared/rest/index.ts';
import { createApiCall, type ApiCallOptions } from './api-call.ts';

/** The adoption view and the champion mark; see shared/rest/adoption.ts. */
export interface AdoptionApi {
  /** The weekly figures of the last `weeks` weeks, oldest first (small groups suppressed by the relay). */
  report(weeks: number): Promise<AdoptionReport>;
  /** Marks or unmarks a person as champion; the person as the relay now stores them. */
  setChampion(userId: string, champion: boolean): Promise<Person>;
}

export function createAdoptionApi(options: ApiCallOptions): AdoptionApi {
  const call = createApiCall(options);
  return {
    report: (weeks) => call(API.getAdoption, { query: { weeks: String(weeks) } }),
    setChampion: (userId, champion) =>
      call(API.setChampion, { params: { userId }, body: { champion } }),
  };
}
