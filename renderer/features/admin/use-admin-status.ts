import { useEffect, useState } from 'react';
import { useAdminApi } from '../../services/index.ts';

/**
 * Whether the signed-in person is a company admin, asked once: false until
 * the relay says otherwise (and when it cannot be asked), so nobody sees an
 * Admin entry the relay would refuse.
 */
export function useIsAdmin(): boolean {
  const api = useAdminApi();
  const [admin, setAdmin] = useState(false);
  useEffect(() => {
    if (api === null) return undefined;
    let live = true;
    api.isAdmin().then(
      (value) => {
        if (live) setAdmin(value);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return admin;
}
