import type { Locator } from '@playwright/test';

// e2e/ is type-checked without the DOM library (it runs in Node), so the
// checks that run inside the page are passed as source text.

/** Whether `target` itself has keyboard focus. */
export function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate<boolean, undefined>('(el) => el === el.ownerDocument.activeElement');
}

/** Whether keyboard focus is on `region` or anything inside it. */
export function holdsFocus(region: Locator): Promise<boolean> {
  return region.evaluate<boolean, undefined>('(el) => el.contains(el.ownerDocument.activeElement)');
}
