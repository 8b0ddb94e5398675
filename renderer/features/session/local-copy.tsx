import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import type { Host } from '../../../shared/host.ts';
import type { WipeService } from './wipe-service.ts';

/** The wipe service, provided by boot; absent in tests that render the shell without it. */
export const WipeServiceContext = createContext<WipeService | null>(null);

/** How the "remove this laptop's copy" box starts, and whether policy locks it. */
export interface RemoveCopyOption {
  readonly initial: boolean;
  readonly locked: boolean;
}

/**
 * The sign-out choice: the box starts ticked when the organisation's
 * `removeLocalCopyOnSignOut` says so, and cannot be changed when it enforces
 * it. Null without a wipe service (then sign-out keeps the copy, as before).
 */
export function useRemoveCopyOption(host: Pick<Host, 'settings'>): RemoveCopyOption | null {
  const service = useContext(WipeServiceContext);
  const [option, setOption] = useState<RemoveCopyOption>({ initial: false, locked: false });
  useEffect(() => {
    if (host.settings === undefined) return undefined;
    let live = true;
    host
      .settings()
      .then((view) => {
        if (!live) return;
        setOption({
          initial: view.values.removeLocalCopyOnSignOut ?? false,
          locked: view.enforced.includes('removeLocalCopyOnSignOut'),
        });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);
  return service === null ? null : option;
}

/** Signs out, erasing this laptop's copy first when asked (and a wipe service is there). */
export function useSignOut(
  host: Pick<Host, 'signOut'>,
): (options: { removeLocalCopy: boolean }) => Promise<unknown> {
  const service = useContext(WipeServiceContext);
  return useCallback(
    ({ removeLocalCopy }) => (service === null ? host.signOut() : service.signOut(removeLocalCopy)),
    [host, service],
  );
}
