import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

/**
 * The editor's context menu. Electron shows none by default; this one offers
 * the spell-checker's suggestions for a misspelt word, "Add to dictionary",
 * cut/copy/paste where the page allows them, and "Look up" on macOS (the
 * system dictionary panel, the one platform with a native one). Built from
 * the event's parameters by a pure function, so the template is tested under
 * Node.
 */

/** The parts of the 'context-menu' event parameters the template reads. */
export type MenuParams = Pick<
  ContextMenuParams,
  'isEditable' | 'selectionText' | 'misspelledWord' | 'dictionarySuggestions' | 'editFlags'
>;

/** What the menu's own items do, on the webContents and session that raised it. */
export interface MenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  lookUp(): void;
}

export interface MenuLabels {
  readonly noSuggestions: string;
  readonly addToDictionary: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly lookUp: (text: string) => string;
}

export const MENU_LABELS: Readonly<Record<'en' | 'de', MenuLabels>> = {
  en: {
    noSuggestions: 'No spelling suggestions',
    addToDictionary: 'Add to dictionary',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    lookUp: (text) => `Look up “${text}”`,
  },
  de: {
    noSuggestions: 'Keine Rechtschreibvorschläge',
    addToDictionary: 'Zum Wörterbuch hinzufügen',
    cut: 'Ausschneiden',
    copy: 'Kopieren',
    paste: 'Einfügen',
    selectAll: 'Alles auswählen',
    lookUp: (text) => `„${text}“ nachschlagen`,
  },
};

/** The labels for an OS locale such as `de-AT`; English for any language without a table. */
export function menuLabels(locale: string): MenuLabels {
  return locale.toLowerCase().startsWith('de') ? MENU_LABELS.de : MENU_LABELS.en;
}

/** At most this many suggestions, as the OS menus show. */
const MAX_SUGGESTIONS = 5;
/** The selection quoted in "Look up" is shortened to this many characters. */
const LOOK_UP_CHARS = 30;

export function contextMenuTemplate(
  params: MenuParams,
  actions: MenuActions,
  options: { readonly platform: NodeJS.Platform; readonly labels: MenuLabels },
): MenuItemConstructorOptions[] {
  const { labels } = options;
  const items: MenuItemConstructorOptions[] = [];
  const word = params.misspelledWord;
  if (params.isEditable && word !== '') {
    const suggestions = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: labels.noSuggestions, enabled: false });
    for (const suggestion of suggestions) {
      items.push({
        label: suggestion,
        click: () => {
          actions.replaceMisspelling(suggestion);
        },
      });
    }
    items.push(
      {
        label: labels.addToDictionary,
        click: () => {
          actions.addToDictionary(word);
        },
      },
      { type: 'separator' },
    );
  }
  const selection = params.selectionText.trim();
  if (options.platform === 'darwin' && selection !== '') {
    const shown =
      selection.length > LOOK_UP_CHARS ? `${selection.slice(0, LOOK_UP_CHARS)}…` : selection;
    items.push(
      {
        label: labels.lookUp(shown),
        click: () => {
          actions.lookUp();
        },
      },
      { type: 'separator' },
    );
  }
  const flags = params.editFlags;
  if (params.isEditable) {
    items.push(
      { label: labels.cut, role: 'cut', enabled: flags.canCut },
      { label: labels.copy, role: 'copy', enabled: flags.canCopy },
      { label: labels.paste, role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { label: labels.selectAll, role: 'selectAll', enabled: flags.canSelectAll },
    );
  } else if (selection !== '') {
    items.push({ label: labels.copy, role: 'copy', enabled: flags.canCopy });
  }
  while (items.at(-1)?.type === 'separator') items.pop();
  return items;
}

/** The parts of `webContents` the menu uses. */
export interface MenuWebContents {
  on(event: 'context-menu', listener: (event: unknown, params: ContextMenuParams) => void): unknown;
  replaceMisspelling(text: string): void;
  showDefinitionForSelection(): void;
  readonly session: { addWordToSpellCheckerDictionary(word: string): boolean };
}

export interface AttachOptions {
  readonly platform: NodeJS.Platform;
  readonly locale: string;
  /** Electron's `Menu.buildFromTemplate(...).popup()`, injected for tests. */
  readonly popup: (template: MenuItemConstructorOptions[]) => void;
}

/** Shows the menu on every right-click (or menu key) in `contents`. */
export function attachContextMenu(contents: MenuWebContents, options: AttachOptions): void {
  const labels = menuLabels(options.locale);
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(
      params,
      {
        replaceMisspelling: (word) => {
          contents.replaceMisspelling(word);
        },
        addToDictionary: (word) => {
          contents.session.addWordToSpellCheckerDictionary(word);
        },
        lookUp: () => {
          contents.showDefinitionForSelection();
        },
      },
      { platform: options.platform, labels },
    );
    if (template.length > 0) options.popup(template);
  });
}
