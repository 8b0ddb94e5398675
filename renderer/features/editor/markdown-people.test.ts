import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/api.ts';
import { jsonToMarkdown, markdownToProsemirrorJson } from '../../../shared/markdown/index.ts';
import type { NodeJSON } from '../../../shared/meeting/node-json.ts';
import { DIRECTORY } from './markdown-fixtures.ts';
import { namesForExport, resolverForImport } from './markdown-people.ts';

// The directory's search as the relay answers it (by id, name or e-mail
// prefix), over the fixture people; the queries asked are recorded.
function directory(): { search: (q: string) => Promise<Person[]>; asked: string[] } {
  const asked: string[] = [];
  const search = (q: string) => {
    asked.push(q);
    const query = q.toLowerCase();
    return Promise.resolve(
      DIRECTORY.filter(
        (p) =>
          p.id === q ||
          p.name
            .toLowerCase()
            .split(' ')
            .some((word) => word.startsWith(query)),
      ).map((p) => ({ id: p.id, name: p.name })),
    );
  };
  return { search, asked };
}

const note: NodeJSON = {
  type: 'doc',
  content: [
    {
      type: 'taskList',
      content: [
        {
          type: 'taskItem',
          attrs: { id: 'a1', checked: false, assignee: 'emp-1002', due: '2026-03-05' },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Send the minutes' }] }],
        },
        {
          type: 'taskItem',
          attrs: { id: 'a2', checked: false, assignee: 'emp-1001', due: null },
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Book the room' }] }],
        },
      ],
    },
  ],
};

describe('people in exported and imported Markdown', () => {
  it('names assignees from what the editor knows, else from the directory', async () => {
    const { search, asked } = directory();
    const nameOf = await namesForExport(
      note,
      (id) => (id === 'emp-1001' ? 'Ada L.' : null),
      search,
    );
    expect(asked).toEqual(['emp-1002']);
    const markdown = jsonToMarkdown(note, { nameOf });
    expect(markdown).toContain('- [ ] Send the minutes 👤 Grace Hopper 📅 2026-03-05\n');
    expect(markdown).toContain('- [ ] Book the room 👤 Ada L.\n');
    expect(markdown).not.toContain('emp-');
  });

  it('finds people named after @ and 👤 in the directory, and leaves unknown names as text', async () => {
    const markdown =
      'Thanks @Grace Hopper and @Nobody Known, mail ada@example.com.\n\n- [ ] Slides 👤 hedy lamarr\n';
    const { search, asked } = directory();
    const resolvePerson = await resolverForImport(markdown, search);
    expect(asked.sort()).toEqual(['Grace', 'Nobody', 'hedy']);
    const json = markdownToProsemirrorJson(markdown, { newId: () => 'n', resolvePerson });
    expect(json.content?.[0]?.content).toEqual([
      { type: 'text', text: 'Thanks ' },
      { type: 'mention', attrs: { id: 'emp-1002', label: 'Grace Hopper' } },
      { type: 'text', text: ' and @Nobody Known, mail ada@example.com.' },
    ]);
    expect(json.content?.[1]?.content?.[0]?.attrs).toMatchObject({ assignee: 'emp-1005' });
  });

  it('imports with names as text when the directory cannot be reached', async () => {
    const resolvePerson = await resolverForImport('Hi @Grace Hopper', () =>
      Promise.reject(new Error('offline')),
    );
    const json = markdownToProsemirrorJson('Hi @Grace Hopper', { resolvePerson });
    expect(json.content?.[0]?.content).toEqual([{ type: 'text', text: 'Hi @Grace Hopper' }]);
  });
});
