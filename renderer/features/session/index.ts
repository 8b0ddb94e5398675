export {
  useRemoveCopyOption,
  useSignOut,
  WipeServiceContext,
  type RemoveCopyOption,
} from './local-copy.tsx';
export {
  causeOfClose,
  createWipeService,
  PENDING_WIPE_KEY,
  wipeMessage,
  type WipeCause,
  type WipeService,
} from './wipe-service.ts';
export { useAppBadge } from './use-badge.ts';
