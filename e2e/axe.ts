import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

const SCHEMES = ['light', 'dark'] as const;
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe-core on what `page` shows now, in the light and the dark theme,
 * and records (softly, so one view's findings do not hide the next view's)
 * every serious or critical violation under the view's name. Minor and
 * moderate findings are left to review. One line per view:
 * `await expectAccessible(page, 'Inbox');`
 */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  for (const scheme of SCHEMES) {
    // Reduced motion: a colour caught mid-transition would be judged, not the theme's.
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations
      .filter((v) => v.impact != null && BLOCKING.has(v.impact))
      .map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
      }));
    expect.soft(blocking, `${view} (${scheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
