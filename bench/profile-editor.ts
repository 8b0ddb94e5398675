// Where the editor's time goes: a CPU profile (Chrome DevTools Protocol
// Profiler) of opening the 10,000-paragraph note and of typing with five
// remote peers, ours beside bare ProseMirror, in the bench page built
// unminified so functions keep their names. Prints the functions with the
// most self time and the total per package. Not part of `npm run bench`:
// run `node bench/profile-editor.ts [open|typing]` before changing the
// editor, to see what is slow rather than guess.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { call, startBrowserBench } from './browser/harness.ts';
import { noteParagraphs } from './browser/keystrokes.ts';
import type { OpenKind, TypingKind } from './browser/protocol.ts';
import { generatedText } from './editor-open.ts';
import { readTrace } from './lib/trace.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const root = path.resolve(import.meta.dirname, '..');
const tracePath =
  process.env['COMMONPLACE_TRACE'] ??
  path.join(root, '..', 'shared', 'data', 'automerge-paper.json.gz');

/** The package a script URL belongs to (from Vite's chunk of node_modules paths), or the app. */
function owner(url: string, fn: string): string {
  if (url === '') return fn.startsWith('(') ? fn : '(native)';
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return match?.[1] ?? path.basename(url);
}

function report(label: string, profile: Profile, top = 25): void {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const node of profile.nodes) {
    const t = self.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${path.basename(url)}:${String(lineNumber + 1)}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + t);
    const who = owner(url, functionName);
    byOwner.set(who, (byOwner.get(who) ?? 0) + t);
  }
  // Inclusive time: a function's own samples plus its callees' (counted once
  // per sample even when the function recurses), to see which stage costs.
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame === undefined || frame.url === '') continue;
      const key = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${String(frame.lineNumber + 1)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  });
  const total = [...byFunction.values()].reduce((a, b) => a + b, 0);
  const lines = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(8)} ms  ${k}`)
      .join('\n');
  console.log(
    `\n== ${label}: ${total.toFixed(0)} ms sampled\n-- self time by function\n${lines(byFunction, top)}\n-- by module\n${lines(byOwner, 12)}\n-- total time (with callees) by function\n${lines(inclusive, top + 15)}`,
  );
}

async function profiled(page: Page, run: () => Promise<void>): Promise<Profile> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  return profile;
}

async function main(): Promise<void> {
  const what = process.argv[2] ?? 'open';
  const text = existsSync(tracePath)
    ? (await readTrace(tracePath)).endContent
    : generatedText(1000);
  const bench = await startBrowserBench(root, { minify: false });
  try {
    if (what === 'open') {
      const paragraphs = noteParagraphs(text, 10_000);
      for (const kind of ['ours', 'bare'] as OpenKind[]) {
        const page = await bench.newPage();
        await call(page, 'prepareOpen', kind, paragraphs);
        const profile = await profiled(page, async () => {
          await call(page, 'open', kind);
          await page.keyboard.press('x');
          await call(page, 'landed');
        });
        report(`open ${kind}`, profile);
        await bench.closePage(page);
      }
    } else {
      const paragraphs = noteParagraphs(text.slice(0, 55_000), 10_000);
      for (const kind of ['ours-remote', 'ours-alone', 'bare'] as TypingKind[]) {
        const page = await bench.newPage();
        await call(page, 'setupTyping', kind, paragraphs, 5);
        await call(page, 'place', 3);
        const profile = await profiled(page, async () => {
          for (const char of 'the quick brown fox jumps over the lazy dog '.repeat(4)) {
            await page.keyboard.type(char);
            await call(page, 'lastKey');
            await page.waitForTimeout(40);
          }
        });
        report(`typing ${kind}`, profile);
        await bench.closePage(page);
      }
    }
  } finally {
    await bench.close();
  }
}

await main();
