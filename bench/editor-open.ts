// Bench: opening a note of 10,000 paragraphs, timed until the
// editor accepts input: built, editable, painted, and a character typed in
// the browser (a real key event) is in the document. ours = TipTap with the
// app's extensions bound to a Y.Doc (Collaboration, CollaborationCaret);
// peer = bare ProseMirror with a paragraphs-only schema, no Yjs. Both run in
// Chromium (bench/browser/), one fresh page per open.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { call, startBrowserBench } from './browser/harness.ts';
import { noteParagraphs } from './browser/keystrokes.ts';
import type { LandedResult, OpenKind, OpenTimings } from './browser/protocol.ts';
import { mib, ms, table, times } from './lib/markdown.ts';
import { ratio, summarize } from './lib/percentiles.ts';
import { readTrace } from './lib/trace.ts';
import type { BenchContext, BenchModule } from './lib/types.ts';

const PARAGRAPHS = 10_000;
const FULL = { rounds: 7 };
const QUICK = { rounds: 2 };
const KINDS: readonly OpenKind[] = ['ours', 'bare'];

/** Deterministic prose-like lines for when the trace is absent (labelled as such). */
export function generatedText(lines: number): string {
  const words = [
    'the',
    'relay',
    'stores',
    'each',
    'update',
    'before',
    'it',
    'forwards',
    'notes',
    'and',
  ];
  return Array.from({ length: lines }, (_, i) =>
    Array.from({ length: 8 + (i % 23) }, (_, w) => words[(i * 7 + w * 3) % words.length]).join(' '),
  ).join('\n');
}

async function sourceText(context: BenchContext): Promise<{ text: string; label: string }> {
  if (!existsSync(context.tracePath)) {
    context.log(`trace not found at ${context.tracePath}: using generated text`);
    return {
      text: generatedText(1000),
      label: `**generated text** (the trace was not found at \`${context.tracePath}\`)`,
    };
  }
  const trace = await readTrace(context.tracePath);
  return {
    text: trace.endContent,
    label: `the non-empty lines of the automerge-paper trace's final text (${String(trace.endContent.length)} characters), repeated in order`,
  };
}

interface Run {
  timings: OpenTimings;
  landed: LandedResult;
}

export const editorOpen: BenchModule = {
  name: 'editor-open',
  title: 'Opening a note of 10,000 paragraphs',
  run: async (context) => {
    const plan = context.quick ? QUICK : FULL;
    const load = loadavg()[0] ?? Number.NaN;
    const source = await sourceText(context);
    const paragraphs = noteParagraphs(source.text, PARAGRAPHS);
    const characters = paragraphs.reduce((n, p) => n + p.length, 0);
    context.log('building the bench page and starting Chromium');
    const bench = await startBrowserBench(context.root);
    const runs = new Map<OpenKind, Run[]>(KINDS.map((k) => [k, []]));
    try {
      for (let round = 0; round < plan.rounds; round++) {
        const order = round % 2 === 0 ? KINDS : [...KINDS].reverse();
        for (const kind of order) {
          const page = await bench.newPage();
          try {
            await call(page, 'prepareOpen', kind, paragraphs);
            const timings = await call(page, 'open', kind);
            await page.keyboard.press('x');
            const landed = await call(page, 'landed');
            if (timings.blocks !== PARAGRAPHS) {
              throw new Error(
                `${kind} opened ${String(timings.blocks)} blocks, not ${String(PARAGRAPHS)}`,
              );
            }
            if (landed.firstParagraph !== `x${paragraphs[0] ?? ''}`) {
              throw new Error(`${kind}: the typed character did not land at the caret`);
            }
            runs.get(kind)?.push({ timings, landed });
            context.log(
              `  round ${String(round + 1)} ${kind}: input accepted after ${ms(landed.landed)}`,
            );
          } finally {
            await bench.closePage(page);
          }
        }
      }
    } finally {
      await bench.close();
    }
    const stat = (kind: OpenKind, pick: (r: Run) => number) =>
      summarize((runs.get(kind) ?? []).map(pick));
    const landedOf = (r: Run): number => r.landed.landed;
    const row = (kind: OpenKind): string[] => {
      const total = stat(kind, landedOf);
      return [
        kind === 'ours' ? 'ours' : 'peer (bare ProseMirror)',
        String(total.count),
        ms(stat(kind, (r) => r.timings.decoded).p50),
        ms(stat(kind, (r) => r.timings.mounted).p50),
        ms(stat(kind, (r) => r.timings.painted).p50),
        ms(total.p50),
        ms(total.p99),
        mib(stat(kind, (r) => r.landed.heapDelta / 1024).p50),
      ];
    };
    const ours = stat('ours', landedOf);
    const peer = stat('bare', landedOf);
    return [
      `A note of ${String(PARAGRAPHS)} paragraphs (${(characters / 1e6).toFixed(2)} M characters: ${source.label}) is opened in Chromium ${bench.version}, and the time runs until the editor accepts input: from the note in memory in its stored form to a character typed with a real key event being in the document. **ours** = TipTap with the app's extensions (\`noteExtensions()\` of \`renderer/features/editor/extensions.ts\`, Collaboration bound to a Y.Doc, CollaborationCaret with \`renderer/features/editor/carets.ts\`), built as \`NoteEditor.tsx\` builds it (without React); **peer** = bare ProseMirror (\`@tiptap/pm\` state/view/model, a doc/paragraph/text schema, the base keymap), no Yjs. Ratio ours / peer.`,
      table(
        [
          'Editor',
          'Opens',
          'decoded p50',
          'editable p50',
          'painted p50',
          'input accepted p50',
          'input accepted p99',
          'JS heap p50',
        ],
        [row('ours'), row('bare')],
      ),
      table(
        ['', 'p50 ratio', 'p99 ratio'],
        [['ours / peer', times(ratio(ours.p50, peer.p50)), times(ratio(ours.p99, peer.p99))]],
      ),
      [
        '### Method',
        `- Load average when the benchmark started: ${load.toFixed(1)} on ${String(availableParallelism())} cores. Other work on the machine slows both sides of a ratio alike; the absolute times are not comparable between runs.`,
        `- ${String(plan.rounds)} opens per editor, alternating which goes first, each in a fresh page (its own renderer process and heap); with this few runs p99 is the slowest run.`,
        '- Untimed before the clock starts: the note in its stored form: a Y update (`encodeStateAsUpdate` of the doc y-prosemirror makes from the paragraphs) for ours, a ProseMirror JSON string for the peer.',
        "- Timed, all with `performance.now()` in the page: *decoded* = `Y.applyUpdate` into a new Y.Doc (ours) or `JSON.parse` + `nodeFromJSON` (peer); *editable* = the editor built over it, its content in the view, set editable, caret at the start; *painted* = the next frame painted after that; *input accepted* = Playwright then presses `x` (a trusted key event through the browser's input pipeline) and the clock stops when the character is in the document (our Y.Doc's update event; the peer's transaction). The last step includes one Node-to-page round trip of Playwright, the same for both.",
        '- Checks: the editor holds all the paragraphs, and the first paragraph is `x` followed by its original text.',
        '- JS heap: `performance.memory.usedJSHeapSize` after a forced GC, after the character landed minus before opening (Chromium with `--enable-precise-memory-info --js-flags=--expose-gc`).',
      ].join('\n'),
    ].join('\n\n');
  },
};
