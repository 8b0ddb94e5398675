import type { Locator } from '@playwright/test';
import { de } from '../renderer/i18n/catalogue/de.ts';
import { en } from '../renderer/i18n/catalogue/en.ts';
import { expect } from './fixtures.ts';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return typeof value === 'string' ? [[path, value] as [string, string]] : flatten(value, path);
  });
}

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The English catalogue's text as it can show on screen: each string cut at
 * its placeholders, fragments of four characters or more, leaving out the
 * strings German keeps as they are ("Online", "Export") and fragments that are
 * a whole German string elsewhere ("Name" is both languages' column heading).
 */
const GERMAN = new Set(flatten(de).map(([, value]) => value));
const ENGLISH = flatten(en).flatMap(([key, value]) =>
  lookup(de, key) === value
    ? []
    : value
        .split(/\{\{\w+\}\}/)
        .map((part) => part.trim())
        .filter((part) => part.length >= 4 && !GERMAN.has(part))
        .map((fragment) => ({ key, fragment })),
);

/** What the in-page scan uses of an element. */
interface ScannedElement {
  readonly innerText: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<ScannedElement>;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Asserts (softly, so every view is reported) that `region` shows no string
 * of the English catalogue: neither in its visible text nor in the names,
 * placeholders and tooltips that screen readers and hovering show. One line
 * per view: `await expectNoEnglish(page.getByRole('dialog'), 'Members');`
 */
export async function expectNoEnglish(region: Locator, view: string): Promise<void> {
  // Runs in the page. A function, not source text: Playwright runs a string
  // as an expression, which here would only define the function and return
  // it (not serialisable: undefined). Typed by the little it uses, as e2e/
  // is type-checked without the DOM.
  const texts = await region.evaluate((root: ScannedElement) => {
    const out = [root.innerText];
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = el.getAttribute(name);
        if (value !== null) out.push(value);
      }
    }
    return out;
  });
  const text = texts.join('\n');
  const left = ENGLISH.filter(({ fragment }) =>
    new RegExp(`(^|[^\\p{L}])${escape(fragment)}($|[^\\p{L}])`, 'u').test(text),
  ).map(({ key, fragment }) => `${key}: ${fragment}`);
  expect.soft(left, `English left in ${view}`).toEqual([]);
}
