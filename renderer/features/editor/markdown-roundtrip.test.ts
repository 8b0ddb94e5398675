import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import {
  fragmentToJson,
  fragmentToMarkdown,
  markdownToProsemirrorJson,
} from '../../../shared/markdown/index.ts';
import type { NodeJSON } from '../../../shared/meeting/node-json.ts';
import { noteExtensions } from './extensions.ts';
import { DIRECTORY, EVERY_BLOCK, randomDoc } from './markdown-fixtures.ts';

// The round trip through Markdown with the editor's real schema:
// JSON → Y.XmlFragment (as the editor stores it) → Markdown → JSON, with
// people written by name and found again in a directory.
const schema = getSchema(noteExtensions());

const nameOf = (id: string) => DIRECTORY.find((person) => person.id === id)?.name;
const resolvePerson = (name: string) => {
  const person = DIRECTORY.find((p) => p.name.toLowerCase() === name.toLowerCase());
  return person && { id: person.id, label: person.name };
};

function roundTrip(
  json: NodeJSON,
  directory: 'with directory' | 'without' = 'with directory',
): { markdown: string; back: NodeJSON } {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment('body');
  prosemirrorJSONToYXmlFragment(schema, json, body);
  const markdown = fragmentToMarkdown(body, directory === 'without' ? {} : { nameOf });
  const back = markdownToProsemirrorJson(markdown, {
    newId: () => 'fresh',
    ...(directory === 'without' ? {} : { resolvePerson }),
  });
  return { markdown, back };
}

/** Action-item ids are internal, so they are not exported: import gives fresh ones. */
function freshIds(json: NodeJSON): NodeJSON {
  return {
    ...json,
    ...(json.type === 'taskItem' ? { attrs: { ...json.attrs, id: 'fresh' } } : {}),
    ...(json.content ? { content: json.content.map(freshIds) } : {}),
  };
}

/** Equality as ProseMirror sees it: attribute defaults filled in, structure checked. */
function expectSameDoc(actual: NodeJSON, expected: NodeJSON): void {
  const a = schema.nodeFromJSON(actual);
  const b = schema.nodeFromJSON(freshIds(expected));
  a.check();
  expect(a.toJSON()).toEqual(b.toJSON());
}

describe('Markdown round trip with the note schema', () => {
  it('keeps a document that uses every block type, mark and action-item attribute', () => {
    const { markdown, back } = roundTrip(EVERY_BLOCK);
    expectSameDoc(back, EVERY_BLOCK);
    // And what a reader of the file sees:
    for (const expected of [
      '# Quarterly planning',
      '## Agenda',
      '- Budget\n  - Travel',
      '3. Hire\n4. Onboard',
      '- [ ] Send the minutes 👤 Ada Lovelace 📅 2026-03-05\n',
      '- [x] Book the room\n',
      '- [ ] Ask \\@facilities first 👤 user@example.com\n',
      '| Owner | Task |\n| --- | --- |\n| Ada | Slides |',
      '```ts\nconst a = 1;\n\nconst b = 2;\n```',
      '> Ship it.',
      '---',
      '[the plan](<https://example.com/plan>)',
      'Asked @Grace Hopper about',
      '**bold** *italic* ~~gone~~ `code` <u>under</u>',
    ]) {
      expect(markdown).toContain(expected);
    }
    // Internal ids stay out of the file: no directory ids, no item ids.
    for (const internal of ['emp-100', 'mention:', '🆔', 'item1', 'item2']) {
      expect(markdown).not.toContain(internal);
    }
  });

  it('takes a name at the end of an action item for a mention, not an assignee', () => {
    const back = markdownToProsemirrorJson('- [ ] Thank @Hedy Lamarr\n- [ ] Ask @ada\n', {
      resolvePerson,
    });
    const [thank, ask] = back.content?.[0]?.content ?? [];
    expect(thank?.attrs).toMatchObject({ assignee: null });
    expect(thank?.content?.[0]?.content?.[1]).toEqual({
      type: 'mention',
      attrs: { id: 'emp-1005', label: 'Hedy Lamarr' },
    });
    expect(ask?.attrs).toMatchObject({ assignee: 'ada' });
  });

  it('keeps names as text where the directory does not know them', () => {
    const { markdown, back } = roundTrip(EVERY_BLOCK, 'without');
    expect(markdown).toContain('Asked @Grace Hopper about');
    expect(markdown).toContain('👤 emp-1001 📅 2026-03-05');
    const paragraph = back.content?.[1]?.content ?? [];
    expect(paragraph.some((node) => node.type === 'mention')).toBe(false);
    expect(paragraph.map((node) => node.text ?? '').join('')).toContain(
      'Asked @Grace Hopper about',
    );
  });

  it('reads the linked mentions and item ids of older exports', () => {
    const back = markdownToProsemirrorJson(
      'Asked [@Grace Hopper](mention:emp-1002)\n\n- [ ] Send 📅 2026-03-05 🆔 old1\n- [ ] Book @emp-1005\n',
      { newId: () => 'fresh', resolvePerson },
    );
    expect(back.content?.[0]?.content?.[1]).toEqual({
      type: 'mention',
      attrs: { id: 'emp-1002', label: 'Grace Hopper' },
    });
    expect(back.content?.[1]?.content?.[0]?.attrs).toMatchObject({
      id: 'old1',
      due: '2026-03-05',
    });
    expect(back.content?.[1]?.content?.[1]?.attrs).toMatchObject({ assignee: 'emp-1005' });
  });

  it('is stable: exporting the imported note gives the same Markdown', () => {
    const { markdown, back } = roundTrip(EVERY_BLOCK);
    expect(roundTrip(back).markdown).toBe(markdown);
  });

  it('keeps random documents built from the schema (property test)', () => {
    // A failing seed is printed; pin it here to replay it as a regression test.
    const seed = Date.now() % 100_000;
    for (let i = 0; i < 150; i++) {
      const json = randomDoc(seed + i);
      const { markdown, back } = roundTrip(json);
      try {
        expectSameDoc(back, json);
      } catch (error) {
        throw new Error(`seed ${String(seed + i)} failed :\n${markdown}`, {
          cause: error,
        });
      }
    }
  });

  it('reads the editor’s stored form like y-prosemirror does (fragmentToJson)', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment('body');
    prosemirrorJSONToYXmlFragment(schema, EVERY_BLOCK, body);
    expect(schema.nodeFromJSON(fragmentToJson(body)).toJSON()).toEqual(
      yXmlFragmentToProseMirrorRootNode(body, schema).toJSON(),
    );
  });
});
