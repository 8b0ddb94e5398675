import { useEffect, useState } from 'react';
import type { Host, LocalDataProtection } from '../../../shared/host.ts';
import type { SettingsView } from '../../../shared/policy.ts';
import { ManagedSettings } from '../settings/index.ts';

/**
 * The person's desktop settings (start at login, notifications, telemetry,
 * remove the local copy on sign-out) in the account menu; locked ones say
 * so. Nothing in a browser, whose host has no managed settings.
 */
export function DesktopSettings({
  host,
  owner,
}: {
  readonly host: Pick<Host, 'settings' | 'changeSetting' | 'localDataProtection'>;
  /** Whose data on this device the encryption line describes. */
  readonly owner: string;
}) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [protection, setProtection] = useState<LocalDataProtection | null>(null);
  useEffect(() => {
    let live = true;
    host.localDataProtection(owner).then(
      (answer) => {
        if (live) setProtection(answer);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host, owner]);
  useEffect(() => {
    let live = true;
    host
      .settings?.()
      .then((next) => {
        if (live) setView(next);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);
  const change = host.changeSetting;
  if (view === null || change === undefined) return null;
  return (
    <ManagedSettings
      view={view}
      protection={protection}
      onChange={(request) => {
        // Main refuses an enforced key; the view it returns is the truth either way.
        change(request).then(setView, () => undefined);
      }}
    />
  );
}
