import type { Locator } from '@playwright/test';

/**
 * The little of an element these checks read inside the page. e2e/ is
 * type-checked without the DOM library (it runs in Node), so the callbacks
 * name the shape they use instead of `HTMLElement`.
 */
interface FocusTarget {
  readonly ownerDocument: { readonly activeElement: unknown };
  contains(other: unknown): boolean;
}

/** Whether `target` itself has keyboard focus. */
export function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((el: FocusTarget) => el === el.ownerDocument.activeElement);
}

/** Whether keyboard focus is on `region` or anything inside it. */
export function holdsFocus(region: Locator): Promise<boolean> {
  return region.evaluate((el: FocusTarget) => el.contains(el.ownerDocument.activeElement));
}
