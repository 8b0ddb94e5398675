import { BUILT_IN_SETTINGS } from '../../../shared/policy.ts';
import type { Host } from '../../../shared/host.ts';

/**
 * The offline grace period in days: the desktop app's managed setting, else
 * the built-in default (a browser has no managed policy; its IdP session is
 * the limit there as well).
 */
export async function graceDaysFor(host: Pick<Host, 'settings'>): Promise<number> {
  if (host.settings === undefined) return BUILT_IN_SETTINGS.offlineGraceDays;
  try {
    const view = await host.settings();
    return view.values.offlineGraceDays ?? BUILT_IN_SETTINGS.offlineGraceDays;
  } catch {
    return BUILT_IN_SETTINGS.offlineGraceDays;
  }
}
