// The one fixtures file for the Playwright tests (handbook §2.9): browser
// resolution, a real relay and the real web server per test on port 0 with
// a temporary data directory, and "people" (browser contexts with a fixed
// identity) who open a note.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chromium,
  expect,
  test as base,
  type Browser,
  type BrowserContext,
  type LaunchOptions,
  type Locator,
  type Page,
} from '@playwright/test';
import { startRelay } from '../relay/server.ts';
import { IDENTITY_STORAGE_KEY } from '../renderer/identity/index.ts';
import { startWebServer, type WebServer } from '../scripts/web-server.ts';

const root = path.resolve(import.meta.dirname, '..');
const rendererDir = path.join(root, 'out', 'renderer');

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/**
 * Playwright's own Chromium when it is installed, else the first system
 * Chromium found; a clear message when there is none.
 */
export function resolveChromium(): string | undefined {
  if (existsSync(chromium.executablePath())) return undefined; // Playwright's default
  const system = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (system) return system;
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one with ' +
      '`npx playwright install chromium`, or the system package ' +
      '(`apt-get install chromium` on Debian/Ubuntu), then run `npm run test:e2e` again.',
  );
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A free TCP port on loopback that nothing listens on (for "relay unreachable"). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

type Relay = Awaited<ReturnType<typeof startRelay>>;

export interface Person {
  readonly name: string;
  readonly page: Page;
  readonly context: BrowserContext;
  /** The editable area of the note. */
  readonly editor: Locator;
  /** Content-Security-Policy violations this person's pages reported. */
  readonly cspViolations: string[];
  /** Closes this person's browser context (the fixture closes any left open). */
  close(): Promise<void>;
}

export interface PersonOptions {
  readonly name: string;
  /** One of the identity palette (renderer/identity). */
  readonly color?: string;
  /** Web server to use (default: the test's own). */
  readonly web?: WebServer;
  /** Query string naming the note (default: the demo note). */
  readonly search?: string;
}

interface Fixtures {
  /** A temporary data directory, removed after the test. */
  dataDir: string;
  relay: Relay;
  /** The web server for the built renderer, pointed at `relay`. */
  web: WebServer;
  /** Starts a web server whose /config.json points at `relayUrl`. */
  startWeb: (relayUrl: string) => Promise<WebServer>;
  /** Opens the note in a fresh browser context as `name`. */
  openAs: (options: PersonOptions) => Promise<Person>;
}

export const test = base.extend<Fixtures, { launchOptions: LaunchOptions }>({
  launchOptions: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
    async ({}, use) => {
      const executablePath = resolveChromium();
      await use({
        args: CHROMIUM_ARGS,
        ...(executablePath === undefined ? {} : { executablePath }),
      });
    },
    { scope: 'worker' },
  ],

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'commonplace-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  relay: async ({ dataDir }, use) => {
    const relay = await startRelay({ port: 0, host: '127.0.0.1', dataDir });
    await use(relay);
    await relay.close();
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring
  startWeb: async ({}, use) => {
    if (!existsSync(path.join(rendererDir, 'index.html'))) {
      throw new Error(
        `${rendererDir} has no build: run \`npm run build\` first (npm run test:e2e does).`,
      );
    }
    const servers: WebServer[] = [];
    await use(async (relayUrl) => {
      const server = await startWebServer({ rootDir: rendererDir, port: 0, config: { relayUrl } });
      servers.push(server);
      return server;
    });
    await Promise.all(servers.map((s) => s.close()));
  },

  web: async ({ relay, startWeb }, use) => {
    await use(await startWeb(relay.wsUrl));
  },

  openAs: async ({ browser, web: defaultWeb }, use) => {
    const people: Person[] = [];
    await use(async (options) => openPerson(browser, options, options.web ?? defaultWeb, people));
    for (const person of people) {
      await person.close();
      expect(person.cspViolations, `CSP violations for ${person.name}`).toEqual([]);
    }
  },
});

async function openPerson(
  browser: Browser,
  options: PersonOptions,
  web: WebServer,
  people: Person[],
): Promise<Person> {
  const context = await browser.newContext();
  const identity = {
    id: `e2e${options.name.replace(/[^A-Za-z0-9]/g, '')}0000`,
    name: options.name,
    color: options.color ?? '#0090ff',
  };
  // The identity module reads localStorage (renderer/identity); seeding it
  // gives each person a known name to look for in the other's cursor label.
  await context.addInitScript(
    ({ key, value }) => {
      localStorage.setItem(key, value);
    },
    { key: IDENTITY_STORAGE_KEY, value: JSON.stringify(identity) },
  );
  let closed = false;
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  await page.goto(new URL(options.search ?? '', web.url).toString());
  const person: Person = {
    name: options.name,
    page,
    context,
    editor: page.locator('.note-editor__content'),
    cspViolations,
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close();
    },
  };
  people.push(person);
  return person;
}

export { expect };
