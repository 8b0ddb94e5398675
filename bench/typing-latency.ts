// Bench: key-to-screen latency while typing, with five remote
// peers whose carets move and who type elsewhere in the note, against the
// same editor alone and bare ProseMirror, measured in the same run in
// Chromium (bench/browser/). Keystrokes come from the automerge-paper trace.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { Page } from '@playwright/test';
import { call, startBrowserBench } from './browser/harness.ts';
import { keyCount, planKeystrokes, type Keystroke } from './browser/keystrokes.ts';
import type { KeySample, TypingKind } from './browser/protocol.ts';
import { ms, table, times } from './lib/markdown.ts';
import { ratio, summarize, type Summary } from './lib/percentiles.ts';
import { readTrace, syntheticStream, traceStream, type KeystrokeStream } from './lib/trace.ts';
import type { BenchContext, BenchModule } from './lib/types.ts';

const PEERS = 5;
/** Where in the trace the typing starts (as relay-fanout: a 55,576-character note). */
const TRACE_OFFSET = 100_000;
const FULL = { rounds: 2, keys: 160 };
const QUICK = { rounds: 1, keys: 30 };
/** Pause after each key is on screen: about 12 keys a second, a fast typist. */
const GAP_MS = 40;
const KINDS: readonly TypingKind[] = ['ours-remote', 'ours-alone', 'bare'];
const LABELS: Record<TypingKind, string> = {
  'ours-remote': `ours, ${String(PEERS)} remote peers`,
  'ours-alone': 'ours, alone',
  bare: 'bare ProseMirror',
};

async function streams(
  context: BenchContext,
  rounds: number,
  keys: number,
): Promise<KeystrokeStream[]> {
  if (!existsSync(context.tracePath)) {
    context.log(`trace not found at ${context.tracePath}: using a synthetic stream`);
    return Array.from({ length: rounds }, (_, r) => syntheticStream(keys, r + 1));
  }
  const trace = await readTrace(context.tracePath);
  return Array.from({ length: rounds }, (_, r) =>
    traceStream(trace, TRACE_OFFSET + r * keys * 2, keys),
  );
}

async function press(page: Page, step: Keystroke): Promise<void> {
  if (step.kind === 'type') await page.keyboard.type(step.char);
  else if (step.kind === 'Enter' || step.kind === 'Backspace') await page.keyboard.press(step.kind);
}

async function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  const timeout = delay(10_000).then(() => {
    throw new Error(`${what}: no change on screen within 10 s`);
  });
  return Promise.race([promise, timeout]);
}

interface Result {
  samples: KeySample[];
  matched: boolean;
  remoteUpdates: number;
  remoteAwareness: number;
  converged: boolean;
}

async function typeStream(page: Page, kind: TypingKind, stream: KeystrokeStream): Promise<Result> {
  const paragraphs = stream.prefix.split('\n');
  const { steps, text } = planKeystrokes(stream.prefix, stream.patches);
  await call(page, 'setupTyping', kind, paragraphs, PEERS);
  const samples: KeySample[] = [];
  for (const [i, step] of steps.entries()) {
    if (step.kind === 'edit') {
      await call(page, 'edit', step.at, step.deleteCount, step.insert);
      continue;
    }
    await call(page, 'place', step.at);
    await press(page, step);
    samples.push(
      await withTimeout(call(page, 'lastKey'), `${kind} key ${String(i)} (${step.kind})`),
    );
    await delay(GAP_MS);
  }
  const summary = await call(page, 'finishTyping', text.split('\n').length);
  return {
    samples,
    matched: summary.text === text,
    remoteUpdates: summary.remoteUpdates,
    remoteAwareness: summary.remoteAwareness,
    converged: summary.converged,
  };
}

export const typingLatency: BenchModule = {
  name: 'typing-latency',
  title: 'Typing with five remote cursors',
  run: async (context) => {
    const plan = context.quick ? QUICK : FULL;
    const load = loadavg()[0] ?? Number.NaN;
    const rounds = await streams(context, plan.rounds, plan.keys);
    context.log('building the bench page and starting Chromium');
    const bench = await startBrowserBench(context.root);
    const results = new Map<TypingKind, Result[]>(KINDS.map((k) => [k, []]));
    try {
      for (const [round, stream] of rounds.entries()) {
        const order = round % 2 === 0 ? KINDS : [...KINDS].reverse();
        for (const kind of order) {
          const page = await bench.newPage();
          try {
            const result = await typeStream(page, kind, stream);
            if (kind === 'bare' && !result.matched) {
              throw new Error(
                'bare ProseMirror does not hold the replayed text: the key plan is wrong',
              );
            }
            if (kind === 'ours-remote' && !result.converged) {
              throw new Error('the remote peers did not converge with our document');
            }
            results.get(kind)?.push(result);
            const frame = summarize(result.samples.map((s) => s.toFrame));
            context.log(`  round ${String(round + 1)} ${kind}: key to frame p50 ${ms(frame.p50)}`);
          } finally {
            await bench.closePage(page);
          }
        }
      }
    } finally {
      await bench.close();
    }
    const all = (kind: TypingKind): Result[] => results.get(kind) ?? [];
    const stat = (kind: TypingKind, pick: (s: KeySample) => number): Summary =>
      summarize(all(kind).flatMap((r) => r.samples.map(pick)));
    const frame = (kind: TypingKind): Summary => stat(kind, (s) => s.toFrame);
    const dom = (kind: TypingKind): Summary => stat(kind, (s) => s.toDom);
    const row = (kind: TypingKind): string[] => [
      LABELS[kind],
      String(dom(kind).count),
      ms(dom(kind).p50),
      ms(dom(kind).p99),
      ms(frame(kind).p50),
      ms(frame(kind).p99),
      ms(stat(kind, (s) => s.queued).p99),
    ];
    const pair = (a: TypingKind, b: TypingKind): string[] => [
      `${LABELS[a]} / ${LABELS[b]}`,
      times(ratio(dom(a).p50, dom(b).p50)),
      times(ratio(dom(a).p99, dom(b).p99)),
      times(ratio(frame(a).p50, frame(b).p50)),
      times(ratio(frame(a).p99, frame(b).p99)),
    ];
    const remote = all('ours-remote');
    const perRun = (pick: (r: Result) => number): number =>
      remote.reduce((n, r) => n + pick(r), 0) / Math.max(1, remote.length);
    const source = rounds.map((s) => s.source).join('; ');
    const planned = rounds.map((s) => planKeystrokes(s.prefix, s.patches).steps);
    const keys = planned.reduce((n, steps) => n + keyCount(steps), 0);
    const untimed = planned.reduce((n, steps) => n + steps.length, 0) - keys;
    const matched = (kind: TypingKind): string =>
      `${String(all(kind).filter((r) => r.matched).length)} / ${String(all(kind).length)}`;
    return [
      `Time from a key event to the change on screen while typing into a note, in Chromium ${bench.version}. **ours, ${String(PEERS)} remote peers** = the app's editor (TipTap, \`noteExtensions()\`, Collaboration on a Y.Doc, CollaborationCaret with \`renderer/features/editor/carets.ts\`) while ${String(PEERS)} remote peers move their carets (odd peers a selection) and type in their own paragraphs; **ours, alone** = the same editor and document with nobody else; **bare ProseMirror** = \`@tiptap/pm\` with a paragraphs-only schema, no Yjs. Ratios below 1 mean the first is faster.`,
      table(
        [
          'Editor',
          'Keys',
          'key → DOM p50',
          'key → DOM p99',
          'key → frame p50',
          'key → frame p99',
          'queued p99',
        ],
        KINDS.map(row),
      ),
      table(
        ['Ratio', 'DOM p50', 'DOM p99', 'frame p50', 'frame p99'],
        [
          pair('ours-remote', 'ours-alone'),
          pair('ours-remote', 'bare'),
          pair('ours-alone', 'bare'),
        ],
      ),
      [
        '### Method',
        `- Load average when the benchmark started: ${load.toFixed(1)} on ${String(availableParallelism())} cores. Other work on the machine slows both sides of a ratio alike; the absolute times are not comparable between runs.`,
        `- Keystrokes: ${source}; the note starts from the text before them (${String(rounds[0]?.prefix.length ?? 0)} characters, one paragraph per line), plus one paragraph per peer at the end. ${String(keys)} key presses in all per editor (characters typed with Playwright's keyboard, Enter, Backspace; the caret is placed untimed before each), plus ${String(untimed)} untimed edits (characters a US keyboard cannot type). Every editor gets the same keys, in ${String(rounds.length)} round(s) alternating the order of editors, each in a fresh page; about ${String(GAP_MS)} ms pause after each key is on screen.`,
        "- Start: the keydown event's timestamp (so time queued behind other work counts; *queued* is that wait). *key → DOM*: the first mutation-observer callback after the key in which the editor's document has changed (our observer is created after ProseMirror's, so the editor has handled the change by then). *key → frame*: the next frame painted after that (a task posted from requestAnimationFrame).",
        `- Remote peers: ${String(PEERS)} Y.Docs in the page, each with its own awareness, connected to ours through an in-page relay that delivers every document and awareness update in its own task (as WebSocket messages arrive), awareness encoded as y-websocket sends it. Each peer moves its caret every 150 ms and types a character every third move, in its own paragraph at the end of the note. Per run our editor received on average ${perRun((r) => r.remoteUpdates).toFixed(0)} document updates and ${perRun((r) => r.remoteAwareness).toFixed(0)} awareness updates. The real relay is not involved: this measures the editor, and the peers' own work (applying our updates to their docs, microseconds each) runs on the page's thread too.`,
        `- Checks: the peers' documents equal ours after each run; the text typed matches a plain replay of the trace for bare ProseMirror (required) and for ours (${matched('ours-remote')} runs with peers, ${matched('ours-alone')} alone; TipTap's input rules, e.g. Markdown shortcuts, may rewrite some typed text).`,
      ].join('\n'),
    ].join('\n\n');
  },
};
