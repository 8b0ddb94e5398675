/**
 * Where each page of a space goes in its Markdown zip:
 * pure, so the rules are tested without a DOM or a zip.
 *
 * Layout:
 * - a page is `<Title>.md`; its children sit in a folder `<Title>/` beside
 *   it, so the zip's folders mirror the page tree;
 * - siblings whose names collide (equal after sanitizing, compared without
 *   case, as on Windows and macOS) become `Title (2)`, `Title (3)`… in tree
 *   order, so no page overwrites another;
 * - archived pages (the trash) and everything under them go to `_archive/`
 *   at the top, keeping their own nesting, so an export loses nothing and
 *   never mixes the trash with live pages; `_archive` is reserved at the
 *   top level for it;
 * - the space's home note (no page of the tree) is `Home.md` at the top,
 *   a name reserved there for it;
 * - images of notes are `_files/<fileId>.<ext>` at the top (`_files` is
 *   reserved there), linked from each note by a path relative to its folder.
 * - names are sanitized for every common file system: no path separators or
 *   characters Windows forbids, no control characters, no leading dots (so
 *   never `.` or `..`), no trailing dots or spaces, no reserved device names
 *   (CON, NUL, COM1…), at most 80 characters; empty becomes `Untitled`.
 *   No name can therefore climb out of its folder (zip slip).
 */

import { HOME_TITLE } from '../../../shared/space-index/index.ts';
import { t } from '../../i18n/index.ts';

/** One page as the export sees it (from the space index's `tree({ includeArchived: true })`). */
export interface ExportPage {
  readonly id: string;
  readonly title: string;
  /** True when the page itself was archived (its subtree goes with it). */
  readonly archived: boolean;
  readonly children: readonly ExportPage[];
}

/** A page's place in the zip. */
export interface ExportEntry {
  readonly pageId: string;
  /** `/`-separated path of the Markdown file inside the zip. */
  readonly path: string;
}

/** Folder holding archived pages at the top of the zip. */
export const ARCHIVE_FOLDER = '_archive';
/** Folder holding the images of the notes at the top of the zip, `<fileId>.<ext>` each. */
export const FILES_FOLDER = '_files';
/** Longest file or folder name made from a title, in graphemes (before ` (n)` and `.md`). */
export const MAX_NAME_LENGTH = 80;

// Windows forbids these in names, `/` and `\` separate paths everywhere;
// bidirectional controls could disguise a name (CVE-2021-42574, "Trojan
// Source"). Zero-width joiners stay: emoji sequences need them.
const FORBIDDEN =
  /[<>:"/\\|?*\p{Cc}\p{Zl}\p{Zp}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** A title as a safe file or folder name (see the module comment). */
export function sanitizeName(title: string): string {
  let name = title.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/gu, ' ').trim();
  name = name.replace(/^[.\s]+/u, '');
  // By graphemes, so an emoji sequence or an accented letter is never cut in half.
  const graphemes = Array.from(GRAPHEMES.segment(name), (part) => part.segment);
  name = graphemes.slice(0, MAX_NAME_LENGTH).join('');
  name = name.replace(/[.\s]+$/u, '');
  // Named as the sidebar names an untitled page, in the UI language.
  if (name === '') return t('tree.untitled');
  if (RESERVED.test(name)) return `${name}_`;
  return name;
}

/**
 * Hands out names unique within one folder, without regard to case. A name
 * stands for a file `<name>.md` and a folder `<name>/`, so a page titled
 * `Plan.md` (file `Plan.md.md`, folder `Plan.md/`) must not sit beside one
 * titled `Plan` (file `Plan.md`): names one `.md` apart collide too.
 */
function folderNames(reserved: readonly string[] = []): (title: string) => string {
  const taken = new Set(reserved.map((n) => n.toLowerCase()));
  const clashes = (name: string): boolean => {
    const lower = name.toLowerCase();
    return (
      taken.has(lower) ||
      taken.has(`${lower}.md`) ||
      (lower.endsWith('.md') && taken.has(lower.slice(0, -3)))
    );
  };
  return (title) => {
    const base = sanitizeName(title);
    let name = base;
    for (let n = 2; clashes(name); n += 1) name = `${base} (${String(n)})`;
    taken.add(name.toLowerCase());
    return name;
  };
}

/** The zip path of the home note, when there is one, and of every page of `forest`, parents before children, in tree order. */
export function exportPaths(
  forest: readonly ExportPage[],
  options: { readonly homeId?: string } = {},
): ExportEntry[] {
  const out: ExportEntry[] =
    options.homeId === undefined ? [] : [{ pageId: options.homeId, path: `${HOME_TITLE}.md` }];
  // Iterative, like the tree itself, so a very deep tree cannot overflow the stack.
  const stack: { page: ExportPage; folder: string; name: (title: string) => string }[] = [];
  const push = (pages: readonly ExportPage[], folder: string, name: (t: string) => string) => {
    for (const page of [...pages].reverse()) stack.push({ page, folder, name });
  };
  const top = folderNames(
    options.homeId === undefined
      ? [ARCHIVE_FOLDER, FILES_FOLDER]
      : [ARCHIVE_FOLDER, FILES_FOLDER, HOME_TITLE],
  );
  const archive = folderNames();
  push(
    forest.filter((p) => p.archived),
    ARCHIVE_FOLDER,
    archive,
  );
  push(
    forest.filter((p) => !p.archived),
    '',
    top,
  );
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { page, folder } = item;
    const own = item.name(page.title);
    const base = folder === '' ? own : `${folder}/${own}`;
    out.push({ pageId: page.id, path: `${base}.md` });
    const live = page.children.filter((c) => !c.archived);
    const archived = page.children.filter((c) => c.archived);
    // An archived page deep in the tree still goes to the top `_archive/`.
    push(archived, ARCHIVE_FOLDER, archive);
    push(live, base, folderNames());
  }
  return out;
}

/**
 * The link from the Markdown file at `from` to the file at `to`, both
 * `/`-separated zip paths: `../` for each folder of `from` not shared with
 * `to`, then the rest of `to` (viewers resolve a relative link against the
 * Markdown file's own folder, as a browser resolves a URL: RFC 3986 §5.2).
 */
export function relativeLink(from: string, to: string): string {
  const fromFolders = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let shared = 0;
  while (
    shared < fromFolders.length &&
    shared < toParts.length - 1 &&
    fromFolders[shared] === toParts[shared]
  ) {
    shared += 1;
  }
  return [...fromFolders.slice(shared).map(() => '..'), ...toParts.slice(shared)].join('/');
}
