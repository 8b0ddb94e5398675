export {
  createSearchService,
  type SearchService,
  type SearchServiceOptions,
} from './search-service.ts';
export { openSnapshotStore, searchDbName, type SnapshotStore } from './snapshot-store.ts';
export { idleScheduler, type Scheduler } from './schedule.ts';
export type { NoteHit, MatchRange } from '../../shared/search/index.ts';
