import { useCallback, useEffect, useState } from 'react';
import type { OpenSpace } from '../../../shared/open-spaces-api.ts';
import type { OpenSpacesApi } from '../../api/index.ts';
import { useT } from '../../i18n/index.ts';

/** Waits this long after the last keystroke before asking the relay: one request per pause, not per letter. */
export const SEARCH_PAUSE_MS = 200;

export type DirectoryState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly spaces: readonly OpenSpace[] }
  | { readonly status: 'error'; readonly message: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The company's open spaces matching `query`, read from the relay when the
 * query settles, again when the window regains focus (an owner may have
 * opened or closed a space meanwhile), and on `reload`.
 */
export function useOpenSpaces(api: OpenSpacesApi | null, query: string) {
  const t = useT();
  const [state, setState] = useState<DirectoryState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => {
    setGeneration((g) => g + 1);
  }, []);

  useEffect(() => {
    if (api === null) return;
    let current = true;
    const timer = setTimeout(() => {
      api.list(query.trim()).then(
        (spaces) => {
          if (current) setState({ status: 'ready', spaces });
        },
        (err: unknown) => {
          if (current)
            setState({
              status: 'error',
              message: t('openSpaces.couldNotLoad', { reason: message(err) }),
            });
        },
      );
    }, SEARCH_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query, generation, t]);

  useEffect(() => {
    window.addEventListener('focus', reload);
    return () => {
      window.removeEventListener('focus', reload);
    };
  }, [reload]);

  /** Marks a space joined without another round trip. */
  const markJoined = useCallback((spaceId: string, role: OpenSpace['myRole']) => {
    setState((s) =>
      s.status === 'ready'
        ? {
            status: 'ready',
            spaces: s.spaces.map((space) =>
              space.id === spaceId
                ? { ...space, myRole: role, members: space.members + (space.myRole ? 0 : 1) }
                : space,
            ),
          }
        : s,
    );
  }, []);

  return {
    state: api === null ? ({ status: 'loading' } as const) : state,
    reload,
    markJoined,
  };
}
