import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_FOLDER,
  FILES_FOLDER,
  MAX_NAME_LENGTH,
  exportPaths,
  relativeLink,
  sanitizeName,
  type ExportPage,
} from './export-paths.ts';

function page(id: string, title: string, children: ExportPage[] = [], archived = false) {
  return { id, title, archived, children };
}

const paths = (forest: ExportPage[]) =>
  Object.fromEntries(exportPaths(forest).map((e) => [e.pageId, e.path]));

describe('space export paths', () => {
  it('mirrors the tree: a page is Title.md, its children in a folder named like it', () => {
    expect(
      paths([
        page('a', 'Projects', [page('b', 'Roadmap', [page('c', 'Q1')]), page('d', 'Budget')]),
        page('e', 'Meetings'),
      ]),
    ).toEqual({
      a: 'Projects.md',
      b: 'Projects/Roadmap.md',
      c: 'Projects/Roadmap/Q1.md',
      d: 'Projects/Budget.md',
      e: 'Meetings.md',
    });
  });

  it('numbers duplicate sibling names in tree order, case-insensitively, per folder', () => {
    expect(
      paths([
        page('a', 'Notes', [page('a1', 'Todo'), page('a2', 'todo')]),
        page('b', 'notes', [page('b1', 'Todo')]),
        page('c', 'Notes'),
        page('d', 'Notes (2)'),
      ]),
    ).toEqual({
      a: 'Notes.md',
      a1: 'Notes/Todo.md',
      a2: 'Notes/todo (2).md',
      b: 'notes (2).md',
      b1: 'notes (2)/Todo.md',
      c: 'Notes (3).md',
      d: 'Notes (2) (2).md',
    });
  });

  it('puts the home note at the top as Home.md, and a page titled Home beside it', () => {
    const entries = exportPaths([page('h', 'Home'), page('a', 'Agenda')], { homeId: 'welcome' });
    expect(entries).toEqual([
      { pageId: 'welcome', path: 'Home.md' },
      { pageId: 'h', path: 'Home (2).md' },
      { pageId: 'a', path: 'Agenda.md' },
    ]);
  });

  it('keeps a title ending in .md apart from its sibling without it', () => {
    const result = paths([page('a', 'Plan'), page('b', 'Plan.md')]);
    expect(result).toEqual({ a: 'Plan.md', b: 'Plan.md (2).md' });
  });

  it('sends archived pages with their subtrees to _archive/, from any depth', () => {
    expect(
      paths([
        page('a', 'Live', [page('b', 'Old child', [page('c', 'Grandchild')], true)]),
        page('d', 'Gone', [], true),
        page('e', '_archive'),
        page('f', 'Live', [], true),
      ]),
    ).toEqual({
      a: 'Live.md',
      b: `${ARCHIVE_FOLDER}/Old child.md`,
      c: `${ARCHIVE_FOLDER}/Old child/Grandchild.md`,
      d: `${ARCHIVE_FOLDER}/Gone.md`,
      e: '_archive (2).md',
      f: `${ARCHIVE_FOLDER}/Live.md`,
    });
  });

  it.each([
    ['../../etc/passwd', 'etc passwd'],
    ['..', 'Untitled'],
    ['.hidden', 'hidden'],
    ['a/b\\c', 'a b c'],
    ['What? <Now>: "yes" | no*', 'What Now yes no'],
    ['trailing dots...', 'trailing dots'],
    ['  spaced   out  ', 'spaced out'],
    ['line\nbreak\ttab\u0000nul', 'line break tab nul'],
    ['bidi\u202Etxt.exe', 'bidi txt.exe'],
    ['CON', 'CON_'],
    ['nul.txt', 'nul.txt_'],
    ['com1', 'com1_'],
    ['Console', 'Console'],
    ['', 'Untitled'],
    ['   ', 'Untitled'],
    ['Caf\u0065\u0301', 'Café'],
    ['🎨 Design', '🎨 Design'],
  ])('sanitizes %j to %j', (title, expected) => {
    expect(sanitizeName(title)).toBe(expected);
  });

  it('caps names at MAX_NAME_LENGTH graphemes without splitting an emoji sequence', () => {
    expect(sanitizeName('😀'.repeat(MAX_NAME_LENGTH + 10))).toBe('😀'.repeat(MAX_NAME_LENGTH));
    const family = '👩‍👩‍👧‍👦';
    expect(sanitizeName(family.repeat(MAX_NAME_LENGTH + 1))).toBe(family.repeat(MAX_NAME_LENGTH));
  });

  it('never produces a path with an empty, dot or dot-dot segment', () => {
    const hostile = ['..', '.', '/', '\\', '../x', 'a/../b', '...', ' . ', '%2e%2e'];
    const forest = hostile.map((t, i) =>
      page(`p${String(i)}`, t, [page(`c${String(i)}`, t, [page(`g${String(i)}`, t)])]),
    );
    for (const { path } of exportPaths(forest)) {
      for (const segment of path.split('/')) {
        expect(segment).not.toBe('');
        expect(segment.startsWith('.')).toBe(false);
      }
    }
  });

  it('handles a deep tree without recursion', () => {
    let node = page('leaf', 'Leaf');
    for (let i = 0; i < 5000; i += 1) node = page(`n${String(i)}`, 'N', [node]);
    const entries = exportPaths([node]);
    expect(entries).toHaveLength(5001);
    expect(entries.at(-1)?.path).toBe(`${'N/'.repeat(5000)}Leaf.md`);
  });

  it('reserves _files at the top for images, not below it', () => {
    expect(paths([page('f', FILES_FOLDER, [page('g', FILES_FOLDER)])])).toEqual({
      f: '_files (2).md',
      g: '_files (2)/_files.md',
    });
  });

  it('links a note to an image file by a path relative to the note’s folder', () => {
    expect(relativeLink('Home.md', '_files/abc.png')).toBe('_files/abc.png');
    expect(relativeLink('Projects/Roadmap.md', '_files/abc.png')).toBe('../_files/abc.png');
    expect(relativeLink('_archive/Old/Deep/Plan.md', '_files/abc.gif')).toBe(
      '../../../_files/abc.gif',
    );
    // A folder that merely starts the same is not shared.
    expect(relativeLink('_files x/Note.md', '_files/abc.png')).toBe('../_files/abc.png');
    expect(relativeLink('_files/Note.md', '_files/abc.png')).toBe('abc.png');
  });
});
