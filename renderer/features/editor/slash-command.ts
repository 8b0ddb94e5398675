import { Extension } from '@tiptap/core';
import { PluginKey } from '@tiptap/pm/state';
import Suggestion, { exitSuggestion, type SuggestionProps } from '@tiptap/suggestion';
import { BLOCK_COMMANDS, filterBlockCommands, type BlockCommand } from './block-commands.ts';
import type { SlashMenuStore } from './slash-menu-store.ts';

export const slashMenuKey = new PluginKey('slashMenu');

export interface SlashCommandOptions {
  /** Where the menu's state goes (null: the extension is inert, e.g. for schema tests). */
  store: SlashMenuStore | null;
  /** What the menu offers, in menu order (BLOCK_COMMANDS, plus e.g. Image where images can be added). */
  commands: readonly BlockCommand[];
}

function toState(props: SuggestionProps<BlockCommand, BlockCommand>, selected: number) {
  const rect = props.clientRect?.() ?? null;
  return {
    items: props.items,
    selected: Math.min(selected, Math.max(0, props.items.length - 1)),
    query: props.query,
    anchor: rect === null ? null : { left: rect.left, bottom: rect.bottom },
    choose: (item: BlockCommand) => {
      props.command(item);
    },
  };
}

/**
 * Typing `/` opens a filtered list of blocks, built on
 * @tiptap/suggestion: arrows move, Enter or Tab inserts, Escape closes.
 * Not inside code blocks, where `/` is just a character.
 */
export const SlashCommand = Extension.create<SlashCommandOptions>({
  name: 'slashCommand',
  addOptions() {
    return { store: null, commands: BLOCK_COMMANDS };
  },
  addProseMirrorPlugins() {
    const { store, commands } = this.options;
    if (store === null) return [];
    return [
      Suggestion<BlockCommand, BlockCommand>({
        editor: this.editor,
        pluginKey: slashMenuKey,
        char: '/',
        allow: ({ state }) => state.selection.$from.parent.type.spec.code !== true,
        items: ({ query, editor }) =>
          filterBlockCommands(
            query,
            commands.filter((command) => command.available?.(editor) ?? true),
          ),
        command: ({ editor, range, props }) => {
          props.run(editor, range);
        },
        render: () => ({
          onStart: (props) => {
            store.set(toState(props, 0));
          },
          onUpdate: (props) => {
            // A new query starts at the top of the new list.
            store.set(toState(props, 0));
          },
          onKeyDown: ({ event, view }) => {
            if (store.get() === null) return false;
            if (event.key === 'ArrowDown') store.move(1);
            else if (event.key === 'ArrowUp') store.move(-1);
            else if (event.key === 'Enter' || event.key === 'Tab') return store.chooseSelected();
            else if (event.key === 'Escape') exitSuggestion(view, slashMenuKey);
            else return false;
            return true;
          },
          onExit: () => {
            store.set(null);
          },
        }),
      }),
    ];
  },
});
