import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentToMarkdown } from './index.ts';

type Child = Y.XmlElement | Y.XmlText;

function el(name: string, attrs: Record<string, unknown>, ...children: Child[]): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v as string);
  node.insert(0, children);
  return node;
}

/** Text with marks, as y-prosemirror stores it (formatting attributes on the delta). */
function text(...runs: [string, Record<string, unknown>?][]): Y.XmlText {
  const t = new Y.XmlText();
  t.applyDelta(
    runs.map(([insert, attributes]) => (attributes ? { insert, attributes } : { insert })),
  );
  return t;
}

function body(...blocks: Y.XmlElement[]): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('body');
  fragment.insert(0, blocks);
  return fragment;
}

const p = (...runs: [string, Record<string, unknown>?][]) => el('paragraph', {}, text(...runs));

describe('fragmentToMarkdown', () => {
  it('writes every block type and mark a note uses', () => {
    const fragment = body(
      el('heading', { level: 1 }, text(['Launch plan'])),
      p(
        ['Ship on '],
        ['Friday', { bold: {} }],
        [', see '],
        ['docs', { italic: {} }],
        [' and '],
        ['npm run', { code: {} }],
      ),
      el(
        'bulletList',
        {},
        el('listItem', {}, p(['one'])),
        el('listItem', {}, p(['two']), el('bulletList', {}, el('listItem', {}, p(['nested'])))),
      ),
      el(
        'orderedList',
        { start: 3 },
        el('listItem', {}, p(['third'])),
        el('listItem', {}, p(['fourth'])),
      ),
      el(
        'taskList',
        {},
        el('taskItem', { checked: true }, p(['done'])),
        el('taskItem', { checked: false }, p(['todo'])),
      ),
      el('codeBlock', { language: 'ts' }, text(['const a = 1;\nconst b = 2;'])),
      el('blockquote', {}, p(['quoted']), p(['twice'])),
      el('horizontalRule', {}),
      el('heading', { level: 3 }, text(['End'])),
    );
    expect(fragmentToMarkdown(fragment)).toBe(
      [
        '# Launch plan',
        '',
        'Ship on **Friday**, see *docs* and `npm run`',
        '',
        '- one\n- two\n  - nested',
        '',
        '3. third\n4. fourth',
        '',
        '- [x] done\n- [ ] todo',
        '',
        '```ts\nconst a = 1;\nconst b = 2;\n```',
        '',
        '> quoted\n>\n> twice',
        '',
        '---',
        '',
        '### End',
        '',
      ].join('\n'),
    );
  });

  it('escapes Markdown syntax in plain text, so text stays text', () => {
    expect(fragmentToMarkdown(body(p(['2 * 3 _is_ [six] <b>'])))).toBe(
      '2 \\* 3 \\_is\\_ \\[six\\] \\<b\\>\n',
    );
  });

  it('gives an empty string for an empty note and keeps unknown nodes’ text', () => {
    expect(fragmentToMarkdown(body())).toBe('');
    expect(fragmentToMarkdown(body(el('mystery', {}, text(['kept']))))).toBe('kept\n');
  });
});
