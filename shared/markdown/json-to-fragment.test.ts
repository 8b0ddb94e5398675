import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentToJson } from './fragment-json.ts';
import { fragmentToMarkdown } from './fragment-to-markdown.ts';
import { appendJsonToFragment } from './json-to-fragment.ts';
import { markdownToProsemirrorJson } from './parse.ts';

describe('appendJsonToFragment', () => {
  it('writes Markdown into a note body that reads back as the same Markdown', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment('body');
    const markdown = [
      '# Minutes',
      '',
      'Some **bold** and *italic* text with `code`.',
      '',
      '- one',
      '- two',
      '',
      'Actions:',
      '',
      '- [ ] Send the minutes 📅 2026-03-05',
    ].join('\n');
    let n = 0;
    appendJsonToFragment(
      body,
      markdownToProsemirrorJson(markdown, { newId: () => `id${String((n += 1))}` }),
    );
    expect(fragmentToMarkdown(body)).toBe(`${markdown}\n`);
  });

  it('appends after what is there, keeping it', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment('body');
    appendJsonToFragment(body, markdownToProsemirrorJson('First'));
    appendJsonToFragment(body, markdownToProsemirrorJson('Second'));
    expect(fragmentToJson(body)).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'First' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Second' }] },
      ],
    });
  });
});
