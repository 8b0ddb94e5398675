import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  attachContextMenu,
  contextMenuTemplate,
  MENU_LABELS,
  menuLabels,
  type MenuActions,
  type MenuParams,
  type MenuWebContents,
} from './context-menu.ts';

const allowed = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };

function params(overrides: Partial<MenuParams>): MenuParams {
  return {
    isEditable: true,
    selectionText: '',
    misspelledWord: '',
    dictionarySuggestions: [],
    editFlags: { ...allowed, canUndo: false, canRedo: false, canDelete: true, canEditRichly: true },
    ...overrides,
  };
}

function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    replaceMisspelling: (w) => calls.push(`replace:${w}`),
    addToDictionary: (w) => calls.push(`add:${w}`),
    lookUp: () => calls.push('lookUp'),
  };
  return { calls, actions };
}

const labelsOf = (items: MenuItemConstructorOptions[]) =>
  items.map((i) => (i.type === 'separator' ? '—' : (i.label ?? '')));

function click(items: MenuItemConstructorOptions[], label: string): void {
  const item = items.find((i) => i.label === label);
  if (item?.click === undefined) throw new Error(`no clickable item ${label}`);
  (item.click as () => void)();
}

describe('editor context menu template', () => {
  it('offers spelling suggestions first, each replacing the word, then add to dictionary', () => {
    const { calls, actions } = recorder();
    const items = contextMenuTemplate(
      params({ misspelledWord: 'teh', dictionarySuggestions: ['the', 'ten', 'tea'] }),
      actions,
      { platform: 'win32', labels: MENU_LABELS.en },
    );
    expect(labelsOf(items)).toEqual([
      'the',
      'ten',
      'tea',
      'Add to dictionary',
      '—',
      'Cut',
      'Copy',
      'Paste',
      '—',
      'Select all',
    ]);
    click(items, 'ten');
    click(items, 'Add to dictionary');
    expect(calls).toEqual(['replace:ten', 'add:teh']);
  });

  it('says when there are no suggestions, and caps them at five', () => {
    const { actions } = recorder();
    const none = contextMenuTemplate(params({ misspelledWord: 'xqzt' }), actions, {
      platform: 'linux',
      labels: MENU_LABELS.en,
    });
    expect(none[0]).toMatchObject({ label: 'No spelling suggestions', enabled: false });
    const many = contextMenuTemplate(
      params({ misspelledWord: 'a', dictionarySuggestions: ['1', '2', '3', '4', '5', '6', '7'] }),
      actions,
      { platform: 'linux', labels: MENU_LABELS.en },
    );
    expect(labelsOf(many).slice(0, 6)).toEqual(['1', '2', '3', '4', '5', 'Add to dictionary']);
  });

  it('follows the page’s edit flags and uses roles for the clipboard', () => {
    const { actions } = recorder();
    const items = contextMenuTemplate(
      params({ editFlags: { ...params({}).editFlags, canCut: false, canPaste: false } }),
      actions,
      { platform: 'win32', labels: MENU_LABELS.en },
    );
    expect(items.find((i) => i.role === 'cut')?.enabled).toBe(false);
    expect(items.find((i) => i.role === 'copy')?.enabled).toBe(true);
    expect(items.find((i) => i.role === 'paste')?.enabled).toBe(false);
  });

  it('offers "Look up" for a selection on macOS only, shortened', () => {
    const { calls, actions } = recorder();
    const long = 'serendipity is finding something good without looking for it';
    const mac = contextMenuTemplate(params({ selectionText: long }), actions, {
      platform: 'darwin',
      labels: MENU_LABELS.en,
    });
    const label = `Look up “${long.slice(0, 30)}…”`;
    expect(labelsOf(mac)[0]).toBe(label);
    click(mac, label);
    expect(calls).toEqual(['lookUp']);
    const win = contextMenuTemplate(params({ selectionText: long }), actions, {
      platform: 'win32',
      labels: MENU_LABELS.en,
    });
    expect(labelsOf(win).some((l) => l.startsWith('Look up'))).toBe(false);
  });

  it('outside editable text offers only Copy for a selection, and nothing otherwise', () => {
    const { actions } = recorder();
    const opts = { platform: 'linux' as const, labels: MENU_LABELS.en };
    expect(
      labelsOf(
        contextMenuTemplate(params({ isEditable: false, selectionText: 'x' }), actions, opts),
      ),
    ).toEqual(['Copy']);
    expect(contextMenuTemplate(params({ isEditable: false }), actions, opts)).toEqual([]);
  });

  it('speaks German for a German OS locale', () => {
    expect(menuLabels('de-AT')).toBe(MENU_LABELS.de);
    expect(menuLabels('fr-FR')).toBe(MENU_LABELS.en);
  });
});

describe('attachContextMenu', () => {
  it('pops the menu up on the event, wired to the webContents and its session', () => {
    let listener: ((event: unknown, p: ContextMenuParams) => void) | undefined;
    const calls: string[] = [];
    const contents: MenuWebContents = {
      on: (_event, l) => {
        listener = l;
      },
      replaceMisspelling: (w) => calls.push(`replace:${w}`),
      showDefinitionForSelection: () => calls.push('define'),
      session: {
        addWordToSpellCheckerDictionary: (w) => {
          calls.push(`add:${w}`);
          return true;
        },
      },
    };
    const shown: MenuItemConstructorOptions[][] = [];
    attachContextMenu(contents, {
      platform: 'darwin',
      locale: 'en-GB',
      popup: (t) => shown.push(t),
    });
    listener?.({}, params({ isEditable: false }) as ContextMenuParams);
    expect(shown).toHaveLength(0); // nothing to offer: no empty menu
    listener?.(
      {},
      params({ misspelledWord: 'teh', dictionarySuggestions: ['the'] }) as ContextMenuParams,
    );
    const menu = shown[0] ?? [];
    click(menu, 'the');
    click(menu, 'Add to dictionary');
    expect(calls).toEqual(['replace:the', 'add:teh']);
  });
});
