// Runs the editor benchmarks in a real browser: builds the bench page with
// Vite into a temporary directory, serves it with the project's static web
// server (same CSP as the app), and drives Chromium through Playwright.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { startWebServer, type WebServer } from '../../scripts/web-server.ts';
import type { BenchPageApi } from './protocol.ts';

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Timers and frames at full rate even though no window is visible.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  // performance.memory unrounded, and gc() for heap figures after a full GC.
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

/** Playwright's own Chromium if installed, else a system one (as e2e/fixtures.ts). */
export function chromiumPath(): string | undefined {
  if (existsSync(chromium.executablePath())) return undefined;
  const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (system) return system;
  throw new Error(
    'No Chromium for the editor benchmarks: install one with `npx playwright install chromium` or `apt-get install chromium`.',
  );
}

export interface BrowserBench {
  /**
   * A fresh page with the bench loaded (a new JS heap, nothing left from
   * earlier runs), in a context of its own: close it with `closePage`.
   */
  newPage(): Promise<Page>;
  /** Closes the page and its context (awaited, so nothing is left closing). */
  closePage(page: Page): Promise<void>;
  /** Chromium's version string. */
  readonly version: string;
  close(): Promise<void>;
}

/**
 * Builds the page, serves it and launches Chromium. `minify: false` keeps
 * function names readable in CPU profiles (bench/profile-editor.ts).
 */
export async function startBrowserBench(
  root: string,
  options: { readonly minify?: boolean } = {},
): Promise<BrowserBench> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'commonplace-bench-page-'));
  let server: WebServer | undefined;
  let browser: Browser | undefined;
  try {
    await build({
      configFile: path.join(root, 'bench', 'browser', 'vite.bench.config.ts'),
      build: { outDir, ...(options.minify === false ? { minify: false } : {}) },
    });
    server = await startWebServer({ rootDir: outDir, port: 0 });
    const executablePath = chromiumPath();
    browser = await chromium.launch({
      args: CHROMIUM_ARGS,
      ...(executablePath ? { executablePath } : {}),
    });
  } catch (error) {
    await browser?.close();
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  const running = browser;
  const url = server.url;
  const served = server;
  return {
    version: running.version(),
    newPage: async () => {
      // One context per page: separate renderer process, separate heap.
      const context = await running.newContext({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      try {
        const page = await context.newPage();
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(url);
        await page.waitForSelector('html[data-bench-ready="true"]', { timeout: 60_000 });
        return page;
      } catch (error) {
        await context.close();
        const why = errors.join('; ') || (error instanceof Error ? error.message : String(error));
        throw new Error(`the bench page did not load: ${why}`, { cause: error });
      }
    },
    closePage: (page) => page.context().close(),
    close: async () => {
      await running.close();
      await served.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

type Api = BenchPageApi;
type Method = keyof Api;

/**
 * Calls the page's bench API. The function runs in the page, so it reaches
 * the API through globalThis (Node's types have no `window`).
 */
export async function call<M extends Method>(
  page: Page,
  method: M,
  ...args: Parameters<Api[M]>
): Promise<Awaited<ReturnType<Api[M]>>> {
  return (await page.evaluate(
    ([name, params]) => {
      const api = (
        globalThis as unknown as { commonplaceBench: Record<string, (...a: unknown[]) => unknown> }
      ).commonplaceBench;
      const fn = api[name];
      if (!fn) throw new Error(`the bench page has no ${name}`);
      return fn(...params);
    },
    [method, args] as const,
  )) as Awaited<ReturnType<Api[M]>>;
}
