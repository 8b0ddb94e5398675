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
import { EVERY_BLOCK, randomDoc } from './markdown-fixtures.ts';

// Issue 4 point 9: the round trip through Markdown with the editor's real
// schema. JSON → Y.XmlFragment (as the editor stores it) → Markdown → JSON.
const schema = getSchema(noteExtensions());

function roundTrip(json: NodeJSON): { markdown: string; back: NodeJSON } {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment('body');
  prosemirrorJSONToYXmlFragment(schema, json, body);
  const markdown = fragmentToMarkdown(body);
  const back = markdownToProsemirrorJson(markdown, { newId: () => 'fresh' });
  return { markdown, back };
}

/** Equality as ProseMirror sees it: attribute defaults filled in, structure checked. */
function expectSameDoc(actual: NodeJSON, expected: NodeJSON): void {
  const a = schema.nodeFromJSON(actual);
  const b = schema.nodeFromJSON(expected);
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
      '- [ ] Send the minutes @ada 📅 2026-03-05 🆔 item1',
      '- [x] Book the room 🆔 item2',
      '| Owner | Task |\n| --- | --- |\n| Ada | Slides |',
      '```ts\nconst a = 1;\n\nconst b = 2;\n```',
      '> Ship it.',
      '---',
      '[the plan](<https://example.com/plan>)',
      '[@Grace Hopper](mention:grace)',
      '**bold** *italic* ~~gone~~ `code` <u>under</u>',
    ]) {
      expect(markdown).toContain(expected);
    }
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
