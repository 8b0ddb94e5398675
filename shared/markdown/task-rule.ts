import type { MarkdownIt, StateCore } from 'markdown-it';
import type { PersonResolver } from './people.ts';
import { parseTaskMeta, type TaskMeta } from './task-meta.ts';

/** What the rule leaves on a task list's and a task item's opening token. */
export type TaskItemInfo = {
  readonly checked: boolean;
  readonly meta: TaskMeta;
};

/** What `md.parse` is given as `env`: a resolver tells names from older exports' assignee ids. */
export type TaskRuleEnv = {
  readonly resolvePerson?: PersonResolver | undefined;
};

const MARKER = /^\[([ xX])\](?:[ \t]+|$)/;

/**
 * A markdown-it core rule (before inline parsing, so it sees raw source):
 * a bullet list whose every item starts with `[ ]` or `[x]` is a task list
 * (GFM task list items). It drops the marker and the action-item metadata
 * at the end of the item's first paragraph (task-meta.ts) and records both in
 * the item token's `meta`; the list token gets `meta.task = true`.
 */
export function taskListRule(md: MarkdownIt): void {
  md.core.ruler.before('inline', 'commonplace_task_lists', (state: StateCore) => {
    const tokens = state.tokens;
    const resolve = (state.env as TaskRuleEnv | undefined)?.resolvePerson;
    tokens.forEach((open, start) => {
      if (open.type !== 'bullet_list_open') return;
      const items: { item: number; inline: number }[] = [];
      let depth = 0;
      for (let i = start + 1; i < tokens.length; i++) {
        const token = tokens[i];
        if (token === undefined) break;
        if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') depth++;
        if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
          if (depth === 0) break;
          depth--;
        }
        if (depth === 0 && token.type === 'list_item_open') {
          const para = tokens[i + 1];
          const inline = tokens[i + 2];
          if (para?.type !== 'paragraph_open' || inline?.type !== 'inline') return;
          if (!MARKER.test(inline.content)) return;
          items.push({ item: i, inline: i + 2 });
        }
      }
      if (items.length === 0) return;
      open.meta = { task: true };
      for (const { item, inline } of items) {
        const itemToken = tokens[item];
        const inlineToken = tokens[inline];
        if (itemToken === undefined || inlineToken === undefined) continue;
        const match = MARKER.exec(inlineToken.content);
        const { text, meta } = parseTaskMeta(
          inlineToken.content.slice(match?.[0].length ?? 0),
          (word) => resolve?.(word) !== undefined,
        );
        inlineToken.content = text;
        const info: TaskItemInfo = { checked: match?.[1] !== ' ', meta };
        itemToken.meta = info;
      }
    });
    return true;
  });
}
