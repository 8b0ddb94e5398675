import { describe, expect, it } from 'vitest';
import { keyCount, noteParagraphs, planKeystrokes, proseMirrorPosition } from './keystrokes.ts';

describe('noteParagraphs', () => {
  it('cycles the non-empty lines to the count asked', () => {
    expect(noteParagraphs('a\n\nb\n  \nc', 5)).toEqual(['a', 'b', 'c', 'a', 'b']);
    expect(() => noteParagraphs('\n \n', 1)).toThrow(/no non-empty line/);
  });
});

describe('proseMirrorPosition', () => {
  it('maps text offsets to positions in a doc of one paragraph per line', () => {
    // doc: <p>ab</p><p></p><p>c</p> -> positions 1..2 | 4 | 6..7
    const text = 'ab\n\nc';
    expect(proseMirrorPosition(text, 0)).toBe(1);
    expect(proseMirrorPosition(text, 2)).toBe(3); // end of "ab"
    expect(proseMirrorPosition(text, 3)).toBe(5); // inside the empty paragraph
    expect(proseMirrorPosition(text, 4)).toBe(7); // before "c"
    expect(proseMirrorPosition(text, 5)).toBe(8); // after "c"
    expect(() => proseMirrorPosition(text, 6)).toThrow(/outside/);
  });
});

describe('planKeystrokes', () => {
  it('turns patches into keys at the right caret positions', () => {
    const { steps, text } = planKeystrokes('ab\ncd', [
      [2, 0, 'X'], // type at the end of "ab"
      [3, 0, '\n'], // Enter after "abX"
      [4, 1, ''], // Backspace at the start of "cd" joins it to the empty paragraph
      [0, 0, 'é'], // not on a US keyboard: an untimed edit
    ]);
    expect(steps).toEqual([
      { kind: 'type', at: 3, char: 'X' },
      { kind: 'Enter', at: 4 },
      { kind: 'Backspace', at: 8 },
      { kind: 'edit', at: 1, deleteCount: 0, insert: 'é' },
    ]);
    expect(text).toBe('éabX\ncd');
    expect(keyCount(steps)).toBe(3);
  });

  it('refuses an edit that would cross paragraphs', () => {
    expect(() => planKeystrokes('ab\ncd', [[1, 3, '']])).toThrow(/crosses a paragraph/);
  });
});
