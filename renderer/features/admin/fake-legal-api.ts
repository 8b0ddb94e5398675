import type { LegalHold, RetentionSettings } from '../../../shared/legal-api.ts';
import type { LegalApi } from '../../api/legal-api.ts';

/** For tests: answers like the relay's legal routes, in memory, and records calls. */
export function fakeLegalApi(): {
  api: LegalApi;
  exported: string[];
  settings: () => RetentionSettings;
} {
  let settings: RetentionSettings = {
    company: { trashDays: null, historyDays: null },
    spaces: [],
  };
  let holds: LegalHold[] = [];
  const exported: string[] = [];
  const api: LegalApi = {
    retention: () => Promise.resolve(settings),
    setCompanyRetention: (company) => {
      settings = { ...settings, company };
      return Promise.resolve(settings);
    },
    setSpaceRetention: (spaceId, policy) => {
      const others = settings.spaces.filter((s) => s.spaceId !== spaceId);
      const drop = policy.trashDays === null && policy.historyDays === null;
      settings = { ...settings, spaces: drop ? others : [...others, { spaceId, ...policy }] };
      return Promise.resolve(settings);
    },
    holds: () => Promise.resolve(holds),
    createHold: (caseName, scope) => {
      const hold: LegalHold = {
        id: `hold${String(holds.length + 1)}`,
        caseName,
        scope,
        createdBy: 'emp-1005',
        createdAt: Date.UTC(2026, 11, 5),
        releasedBy: null,
        releasedAt: null,
      };
      holds = [hold, ...holds];
      return Promise.resolve(hold);
    },
    releaseHold: (id) => {
      holds = holds.map((h) =>
        h.id === id ? { ...h, releasedBy: 'emp-1005', releasedAt: Date.UTC(2026, 11, 6) } : h,
      );
      const hold = holds.find((h) => h.id === id);
      return hold === undefined ? Promise.reject(new Error('no such hold')) : Promise.resolve(hold);
    },
    exportHold: (id) => {
      exported.push(id);
      return Promise.resolve(new Blob(['zip']));
    },
  };
  return { api, exported, settings: () => settings };
}
