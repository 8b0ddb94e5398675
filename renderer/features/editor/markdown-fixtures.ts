import type { MarkJSON, NodeJSON } from '../../../shared/meeting/node-json.ts';

// Test data for the Markdown round trip (markdown-roundtrip.test.ts).

/** The people directory the round trip resolves names against. */
export const DIRECTORY: readonly { id: string; name: string }[] = [
  { id: 'emp-1001', name: 'Ada Lovelace' },
  { id: 'emp-1002', name: 'Grace Hopper' },
  { id: 'emp-1005', name: 'Hedy Lamarr' },
];

const t = (text: string, marks?: MarkJSON[]): NodeJSON =>
  marks ? { type: 'text', text, marks } : { type: 'text', text };
const p = (...content: NodeJSON[]): NodeJSON => ({ type: 'paragraph', content });
const item = (...content: NodeJSON[]): NodeJSON => ({ type: 'listItem', content });
const cell = (type: 'tableHeader' | 'tableCell', text: string): NodeJSON => ({
  type,
  content: [p(t(text))],
});

/** A note that uses every block type, every mark, links, mentions and action items. */
export const EVERY_BLOCK: NodeJSON = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [t('Quarterly planning')] },
    p(
      t('bold', [{ type: 'bold' }]),
      t(' '),
      t('italic', [{ type: 'italic' }]),
      t(' '),
      t('gone', [{ type: 'strike' }]),
      t(' '),
      t('code', [{ type: 'code' }]),
      t(' '),
      t('under', [{ type: 'underline' }]),
      t(', see '),
      t('the plan', [{ type: 'link', attrs: { href: 'https://example.com/plan' } }]),
      t(' or write to '),
      t('ops', [{ type: 'link', attrs: { href: 'mailto:ops@example.com' } }]),
      t('. Asked '),
      { type: 'mention', attrs: { id: 'emp-1002', label: 'Grace Hopper' } },
      t(' about 2 * 3 = [six] & <b>#1</b>'),
      { type: 'hardBreak' },
      t('# not a heading'),
    ),
    { type: 'heading', attrs: { level: 2 }, content: [t('Agenda')] },
    {
      type: 'bulletList',
      content: [
        item(p(t('Budget')), { type: 'bulletList', content: [item(p(t('Travel')))] }),
        item(p(t('Roadmap'))),
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [item(p(t('Hire'))), item(p(t('Onboard')))],
    },
    { type: 'heading', attrs: { level: 3 }, content: [t('Action items')] },
    {
      type: 'taskList',
      content: [
        {
          type: 'taskItem',
          attrs: { id: 'item1', checked: false, assignee: 'emp-1001', due: '2026-03-05' },
          content: [p(t('Send the minutes'))],
        },
        {
          type: 'taskItem',
          attrs: { id: 'item2', checked: true, assignee: null, due: null },
          content: [
            p(t('Book the room')),
            {
              type: 'taskList',
              content: [
                {
                  type: 'taskItem',
                  attrs: { id: 'item3', checked: false, assignee: 'user@example.com', due: null },
                  content: [p(t('Ask @facilities first'))],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', 'Owner'), cell('tableHeader', 'Task')] },
        { type: 'tableRow', content: [cell('tableCell', 'Ada'), cell('tableCell', 'Slides')] },
        { type: 'tableRow', content: [cell('tableCell', 'Grace'), cell('tableCell', 'a | b')] },
      ],
    },
    {
      type: 'codeBlock',
      attrs: { language: 'ts' },
      content: [t('const a = 1;\n\nconst b = 2;')],
    },
    { type: 'blockquote', content: [p(t('Ship it.')), p(t('Then rest.'))] },
    // A pasted image: a file of the space, by content hash.
    {
      type: 'image',
      attrs: { fileId: 'n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg', alt: 'Whiteboard [v2]' },
    },
    { type: 'horizontalRule' },
    p(t('The end.')),
  ],
};

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'alpha',
  'beta',
  '2*3',
  'a_b',
  '[x]',
  '#tag',
  'x|y',
  '@who',
  'ünï',
  '1.',
  '<i>',
  '&amp;',
  '`tick`',
];
const MARKS: MarkJSON[][] = [
  [],
  [],
  [{ type: 'bold' }],
  [{ type: 'italic' }],
  [{ type: 'code' }],
  [{ type: 'strike' }],
  [{ type: 'bold' }, { type: 'italic' }],
  [{ type: 'link', attrs: { href: 'https://example.org/a?b=c' } }],
];

/**
 * A random note from the schema's blocks: inline runs are single words with
 * marks, separated by plain spaces (Markdown moves whitespace out of
 * emphasis, so marked edge spaces are not kept: documented in
 * shared/markdown/README.md).
 */
export function randomDoc(seed: number): NodeJSON {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  let ids = 0;
  const inline = (plain = false): NodeJSON[] => {
    const out: NodeJSON[] = [];
    const n = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < n; i++) {
      if (i > 0) out.push(t(' '));
      if (rand() < 0.1) {
        const person = pick(DIRECTORY);
        out.push({ type: 'mention', attrs: { id: person.id, label: person.name } });
        continue;
      }
      const marks = plain ? [] : pick(MARKS);
      out.push(marks.length > 0 ? t(pick(WORDS), marks) : t(pick(WORDS)));
    }
    return out;
  };
  const para = () => p(...inline());
  const block = (depth: number): NodeJSON => {
    const kind = pick(['p', 'p', 'h', 'ul', 'ol', 'task', 'code', 'quote', 'hr', 'table']);
    const items = (make: () => NodeJSON) =>
      Array.from({ length: 1 + Math.floor(rand() * 3) }, make);
    const children = () => (depth < 2 && rand() < 0.3 ? [para(), block(depth + 1)] : [para()]);
    switch (kind) {
      case 'h':
        return { type: 'heading', attrs: { level: 1 + Math.floor(rand() * 6) }, content: inline() };
      case 'ul':
        return { type: 'bulletList', content: items(() => item(...children())) };
      case 'ol':
        return { type: 'orderedList', content: items(() => item(...children())) };
      case 'task':
        return {
          type: 'taskList',
          content: items(() => ({
            type: 'taskItem',
            attrs: {
              id: `id${String(ids++)}`,
              checked: rand() < 0.5,
              assignee: rand() < 0.5 ? pick(['emp-1001', 'emp-1005', 'not-listed', 'x@y.z']) : null,
              due: rand() < 0.5 ? '2026-12-31' : null,
            },
            content: [para()],
          })),
        };
      case 'code':
        return {
          type: 'codeBlock',
          attrs: { language: pick([null, 'js']) },
          content: [t('x = 1\n```\n  y')],
        };
      case 'quote':
        return { type: 'blockquote', content: depth < 2 ? [para(), block(depth + 1)] : [para()] };
      case 'hr':
        return { type: 'horizontalRule' };
      case 'table': {
        const cols = 1 + Math.floor(rand() * 3);
        const row = (type: 'tableHeader' | 'tableCell') => ({
          type: 'tableRow',
          content: Array.from({ length: cols }, () => ({ type, content: [p(...inline(true))] })),
        });
        return { type: 'table', content: [row('tableHeader'), row('tableCell')] };
      }
      default:
        return para();
    }
  };
  return {
    type: 'doc',
    content: Array.from({ length: 1 + Math.floor(rand() * 6) }, () => block(0)),
  };
}
