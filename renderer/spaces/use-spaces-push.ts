import { useContext, useEffect } from 'react';
import { AppServicesContext } from '../services/index.ts';
import { watchSpacesPush } from './spaces-push.ts';
import type { SpacesService } from './spaces-service.ts';

/** Keeps the person's space list current while the workspace is shown (see `watchSpacesPush`). */
export function useSpacesPush(service: Pick<SpacesService, 'refresh'>): void {
  const registry = useContext(AppServicesContext)?.registry ?? null;
  useEffect(() => {
    if (registry === null) return;
    return watchSpacesPush({
      registry,
      win: window,
      onChange: () => {
        void service.refresh();
      },
    });
  }, [registry, service]);
}
