// Turning the trace into what the editor benchmarks feed a browser: note
// paragraphs, and key presses at ProseMirror positions. Pure functions, no
// DOM and no Node, so they are tested on their own (keystrokes.test.ts).
import { applyPatch, type Patch } from '../lib/trace.ts';

/**
 * `count` paragraphs made of the text's non-empty lines, in order, starting
 * over from the first when they run out (a long note of real prose).
 */
export function noteParagraphs(text: string, count: number): string[] {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new Error('the text has no non-empty line');
  return Array.from({ length: count }, (_, i) => lines[i % lines.length] ?? '');
}

/**
 * The ProseMirror position of a text offset when every line of the text is
 * one paragraph of a flat document: each paragraph before the offset adds an
 * opening and a closing token where the text has one newline, and the first
 * paragraph's opening token adds one more.
 */
export function proseMirrorPosition(text: string, offset: number): number {
  if (offset < 0 || offset > text.length) {
    throw new Error(`offset ${offset} outside a ${text.length}-unit text`);
  }
  let newlines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    newlines += 1;
  }
  return offset + newlines + 1;
}

/**
 * One step of the stream. A key is pressed with the caret at `at`: `type`
 * (a character the US keyboard has), `Enter`, or `Backspace` (the caret after
 * the deleted character). Anything else is an untimed `edit`.
 */
export type Keystroke =
  | { kind: 'type'; at: number; char: string }
  | { kind: 'Enter'; at: number }
  | { kind: 'Backspace'; at: number }
  | { kind: 'edit'; at: number; deleteCount: number; insert: string };

const TYPABLE = /^[\x20-\x7e]$/;

/** The steps for `patches` applied to `start`, and the text they end with. */
export function planKeystrokes(
  start: string,
  patches: readonly Patch[],
): { steps: Keystroke[]; text: string } {
  let text = start;
  const steps: Keystroke[] = [];
  for (const patch of patches) {
    const [position, deleteCount, insert] = patch;
    if (deleteCount === 0 && insert === '\n') {
      steps.push({ kind: 'Enter', at: proseMirrorPosition(text, position) });
    } else if (deleteCount === 0 && TYPABLE.test(insert)) {
      steps.push({ kind: 'type', at: proseMirrorPosition(text, position), char: insert });
    } else if (deleteCount === 1 && insert === '') {
      steps.push({ kind: 'Backspace', at: proseMirrorPosition(text, position + 1) });
    } else if (
      !insert.includes('\n') &&
      !text.slice(position, position + deleteCount).includes('\n')
    ) {
      steps.push({ kind: 'edit', at: proseMirrorPosition(text, position), deleteCount, insert });
    } else {
      throw new Error(`patch [${position}, ${deleteCount}] crosses a paragraph; not supported`);
    }
    text = applyPatch(text, patch);
  }
  return { steps, text };
}

/** Key presses among the steps (the rest are untimed edits). */
export function keyCount(steps: readonly Keystroke[]): number {
  return steps.filter((s) => s.kind !== 'edit').length;
}
