import { describe, expect, it } from 'vitest';
import { jsonToMarkdown } from './serialize.ts';
import { withImageLinks } from './image.ts';

const ID = 'A'.repeat(43);
const doc = { type: 'doc', content: [{ type: 'image', attrs: { fileId: ID, alt: 'board' } }] };

describe('image links in Markdown', () => {
  it('writes commonplace-file: links, or the relative path a zip export gives', () => {
    expect(jsonToMarkdown(doc)).toBe(`![board](commonplace-file:${ID})\n`);
    expect(
      withImageLinks(
        () => `../_files/${ID}.png`,
        () => jsonToMarkdown(doc),
      ),
    ).toBe(`![board](../_files/${ID}.png)\n`);
    // Back to commonplace-file: once the export is done.
    expect(jsonToMarkdown(doc)).toBe(`![board](commonplace-file:${ID})\n`);
  });

  it('keeps the commonplace-file: link when the path is not a plain relative one', () => {
    for (const link of [null, 'javascript:alert(1)', 'a b.png', '/etc/passwd', 'x.png)', '']) {
      expect(
        withImageLinks(
          () => link,
          () => jsonToMarkdown(doc),
        ),
      ).toBe(`![board](commonplace-file:${ID})\n`);
    }
  });
});
