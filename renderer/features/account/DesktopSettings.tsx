import { useEffect, useState } from 'react';
import type { Host } from '../../../shared/host.ts';
import type { SettingsView } from '../../../shared/policy.ts';
import { ManagedSettings } from '../settings/index.ts';

/**
 * The person's desktop settings (start at login, notifications, telemetry,
 * remove the local copy on sign-out) in the account menu; locked ones say
 * so. Nothing in a browser, whose host has no managed settings.
 */
export function DesktopSettings({
  host,
}: {
  readonly host: Pick<Host, 'settings' | 'changeSetting'>;
}) {
  const [view, setView] = useState<SettingsView | null>(null);
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
      onChange={(request) => {
        // Main refuses an enforced key; the view it returns is the truth either way.
        change(request).then(setView, () => undefined);
      }}
    />
  );
}
