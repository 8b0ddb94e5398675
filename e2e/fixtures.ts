// The one fixtures file for the Playwright tests (handbook §2.9): browser
// resolution; per test a real stack on port 0 (web server, development IdP,
// relay verifying tokens) with a temporary data directory; and "people"
// (browser contexts) who sign in through the IdP's login page and open a note.
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
import { startDevIdp, type DevIdp } from '../idp/dev-idp.ts';
import { DEMO_ADMIN_GROUP, DEMO_EMPLOYEES, type Employee } from '../idp/employees.ts';
import type { RelayHandle } from '../relay/server.ts';
import { startAuthRelay } from '../scripts/auth-relay.ts';
import { obtainTokens } from '../idp/testing.ts';
import { startWebServer, type WebServer } from '../scripts/web-server.ts';
import type { Role } from '../shared/api.ts';

const root = path.resolve(import.meta.dirname, '..');
// E2E_RENDERER_DIR: a renderer built elsewhere (`vite build --outDir`), so
// several people can test their own builds from one checkout at once.
const rendererDir = process.env['E2E_RENDERER_DIR'] ?? path.join(root, 'out', 'renderer');

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

/** A demo employee of the dev IdP by first name ("Ada", "Grace", …). */
export function employee(firstName: string): Employee {
  const found = DEMO_EMPLOYEES.find((e) => e.name.split(' ')[0] === firstName);
  if (!found) throw new Error(`no demo employee called ${firstName}`);
  return found;
}

/** Web server + dev IdP + relay, wired as `npm run web` wires them. */
export interface Stack {
  readonly web: WebServer;
  readonly idp: DevIdp;
  readonly relayUrl: string;
  /** Null when the stack was started without a relay (`relay: false`). */
  readonly relay: RelayHandle | null;
  /** Starts the relay (again) on the stack's relay port and data directory. */
  startRelay(): Promise<RelayHandle>;
  /** Stops every running relay of the stack (its data directory stays): "the relay is down". */
  stopRelay(): Promise<void>;
}

export interface StackOptions {
  /** Start the relay now (default true); otherwise `relayUrl` points at a free port. */
  readonly relay?: boolean;
}

export interface Person {
  readonly employee: Employee;
  readonly page: Page;
  readonly context: BrowserContext;
  /** The editable area of the note. */
  readonly editor: Locator;
  /** Content-Security-Policy violations this person's pages reported. */
  readonly cspViolations: string[];
  /** The access token the web client holds (for API calls the UI does not offer yet). */
  accessToken(): Promise<string>;
  /** Closes this person's browser context (the fixture closes any left open). */
  close(): Promise<void>;
}

export interface PersonOptions {
  /** First name of a demo employee. */
  readonly as: string;
  /** Stack to use (default: the test's own). */
  readonly stack?: Stack;
  /** Query string naming the note (default: none, so the first space opens). */
  readonly search?: string;
}

interface Fixtures {
  /** A temporary data directory, removed after the test. */
  dataDir: string;
  /** Starts another stack (each with its own IdP, relay and web server). */
  startStack: (options?: StackOptions) => Promise<Stack>;
  /** The test's stack. */
  stack: Stack;
  /** Opens the app in a fresh browser context and signs in through the IdP's login page. */
  openAs: (options: PersonOptions) => Promise<Person>;
}

/**
 * Signs in on `page` (showing the sign-in screen) as `who`: the app's button,
 * the dev IdP's login page, back to the app with the avatar showing.
 */
export async function signIn(page: Page, who: Employee): Promise<void> {
  await page.getByRole('button', { name: 'Sign in with your company account' }).click();
  await page.getByRole('button', { name: new RegExp(who.name) }).click();
  await expect(page.getByRole('button', { name: `Account: ${who.name}` })).toBeVisible();
}

/** `PUT /api/spaces/{id}/members/{userId}` with the owner's token. */
export async function share(
  stack: Stack,
  owner: Person,
  spaceId: string,
  member: Employee,
  role: Role,
): Promise<void> {
  const base = stack.relayUrl.replace(/^ws/, 'http');
  // The relay shares only with people who have signed in once (a typo must not
  // grant access to an id nobody holds): the colleague's first sign-in, by API.
  const colleague = await obtainTokens(stack.idp.issuer, member.sub);
  const me = await fetch(`${base}/api/me`, {
    headers: { Authorization: `Bearer ${colleague.accessToken}` },
  });
  expect(me.status, await me.clone().text()).toBe(200);
  const response = await fetch(
    `${base}/api/spaces/${encodeURIComponent(spaceId)}/members/${encodeURIComponent(member.sub)}`,
    {
      method: 'PUT',
      headers: {
        Authorization: `Bearer ${await owner.accessToken()}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ role }),
    },
  );
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

/** Creates a space through the sidebar's "New space"; resolves with its id once it is open. */
export async function createSpace(person: Person, name: string): Promise<string> {
  const { page } = person;
  await page.getByRole('button', { name: 'New space' }).click();
  await page.getByRole('textbox', { name: 'Space name' }).fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('link', { name: new RegExp(name) })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const id = new URL(page.url()).searchParams.get('space');
  if (id === null) throw new Error('no space in the URL after creating one');
  // The new space's note stays read-only until its first sync (an empty local
  // doc must never overwrite the relay's); keystrokes before that are refused,
  // so a test may type only once the editor is editable.
  await expect(person.editor).toHaveAttribute('contenteditable', 'true');
  return id;
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

  startStack: async ({ dataDir }, use) => {
    if (!existsSync(path.join(rendererDir, 'index.html'))) {
      throw new Error(
        `${rendererDir} has no build: run \`npm run build\` first (npm run test:e2e does).`,
      );
    }
    const closers: (() => Promise<void>)[] = [];
    let count = 0;
    await use(async (options = {}) => {
      count += 1;
      const relayDir = path.join(dataDir, `relay-${count}`);
      // The web server first: its origin is the IdP's registered redirect URI.
      const web = await startWebServer({ rootDir: rendererDir, port: 0 });
      closers.push(() => web.close());
      const idp = await startDevIdp({ port: 0, webRedirectUris: [web.url] });
      closers.push(() => idp.close());
      const port = await freePort();
      const relays: RelayHandle[] = [];
      closers.push(async () => {
        await Promise.allSettled(relays.map((r) => r.close()));
      });
      const startRelay = async () => {
        const relay = await startAuthRelay(
          // Hedy Lamarr, the dev IdP's demo admin, sees the Admin view.
          { port, host: '127.0.0.1', dataDir: relayDir, adminGroup: DEMO_ADMIN_GROUP },
          { issuer: idp.issuer, audience: idp.audience },
          web.url,
        );
        relays.push(relay);
        return relay;
      };
      const relay = options.relay === false ? null : await startRelay();
      const relayUrl = `ws://127.0.0.1:${port}`;
      web.setConfig({
        relayUrl,
        identity: { issuer: idp.issuer, clientId: 'commonplace-web', audience: idp.audience },
      });
      const stopRelay = async () => {
        await Promise.allSettled(relays.splice(0).map((r) => r.close()));
      };
      return { web, idp, relayUrl, relay, startRelay, stopRelay };
    });
    for (const close of closers.reverse()) await close();
  },

  stack: async ({ startStack }, use) => {
    await use(await startStack());
  },

  openAs: async ({ browser, stack: defaultStack }, use) => {
    const people: Person[] = [];
    await use(async (options) =>
      openPerson(browser, options, options.stack ?? defaultStack, people),
    );
    for (const person of people) {
      await person.close();
      expect(person.cspViolations, `CSP violations for ${person.employee.name}`).toEqual([]);
    }
  },
});

async function openPerson(
  browser: Browser,
  options: PersonOptions,
  stack: Stack,
  people: Person[],
): Promise<Person> {
  const who = employee(options.as);
  const context = await browser.newContext();
  let closed = false;
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  await page.goto(new URL(options.search ?? '', stack.web.url).toString());
  await signIn(page, who);
  const person: Person = {
    employee: who,
    page,
    context,
    editor: page.locator('.note-editor__content'),
    cspViolations,
    accessToken: async () => {
      const raw = await page.evaluate(() => sessionStorage.getItem('commonplace.session.v1'));
      const token =
        raw === null ? undefined : (JSON.parse(raw) as { accessToken?: string }).accessToken;
      if (token === undefined) throw new Error(`${who.name} holds no access token`);
      return token;
    },
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

// ---- Page tree helpers (e2e/tree.spec.ts, e2e/members.spec.ts) ----

/** The visible pages of the sidebar's tree in order, indented two spaces per level. */
export async function pageOutline(person: Person): Promise<string[]> {
  const out: string[] = [];
  for (const row of await person.page.locator('.tree__list .tree__row').all()) {
    const level = Number(await row.getAttribute('data-level'));
    const title = await row.locator('.tree__link').textContent();
    out.push(`${'  '.repeat(Math.max(0, level - 1))}${title ?? ''}`);
  }
  return out;
}

/** The tree row of the page titled `title`: what one drags, and where one drops. */
export function pageRow(person: Person, title: string): Locator {
  return person.page
    .locator('.tree__row')
    .filter({ has: person.page.getByRole('treeitem', { name: title, exact: true }) });
}

/** Picks `item` from the context menu of the page titled `title` (opened by right click). */
export async function pageMenu(person: Person, title: string, item: string): Promise<void> {
  await pageRow(person, title).click({ button: 'right' });
  await person.page
    .getByRole('menu', { name: `Actions for ${title}` })
    .getByRole('menuitem', { name: item })
    .click();
}

/**
 * Creates a page through the tree ("New page", or "New sub-page" in the parent's menu),
 * names it and waits until its note is open; resolves with the page id.
 */
export async function newPage(person: Person, title: string, parent?: string): Promise<string> {
  const { page } = person;
  if (parent === undefined)
    await page.getByRole('button', { name: 'New page', exact: true }).click();
  else await pageMenu(person, parent, 'New sub-page');
  const input = page.getByRole('textbox', { name: 'Page title' });
  await input.fill(title);
  await input.press('Enter');
  await expect(page.getByRole('treeitem', { name: title, exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  const id = new URL(page.url()).searchParams.get('note');
  if (id === null) throw new Error(`no note in the URL after creating ${title}`);
  return id;
}
