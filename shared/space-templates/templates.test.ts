import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { NodeJSON } from '../meeting/index.ts';
import {
  MAX_TEMPLATES,
  MAX_TEMPLATE_CONTENT_LENGTH,
  MAX_TEMPLATES_TOTAL_LENGTH,
  TemplateError,
  deleteTemplate,
  instantiateTemplate,
  listTemplates,
  readTemplate,
  saveTemplate,
  templatesMap,
} from './index.ts';

const content: NodeJSON = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Retro' }] },
    {
      type: 'taskList',
      content: [
        {
          type: 'taskItem',
          attrs: { id: 'a1', checked: true, assignee: 'sub-ada', due: '2026-03-10' },
          content: [{ type: 'paragraph' }],
        },
      ],
    },
  ],
};

function save(doc: Y.Doc, id: string, name: string, createdAt = 1) {
  return saveTemplate(doc, { id, name, createdBy: 'sub-ada', createdAt, content });
}

describe('space templates', () => {
  it('saves, lists by name and deletes; another replica sees the same', () => {
    const doc = new Y.Doc();
    save(doc, 't2', '  Retro ');
    save(doc, 't1', 'Design review');
    expect(listTemplates(doc).map((t) => [t.id, t.name])).toEqual([
      ['t1', 'Design review'],
      ['t2', 'Retro'],
    ]);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(listTemplates(other)).toEqual(listTemplates(doc));
    expect(JSON.parse(listTemplates(other)[1]?.content ?? '')).toEqual(content);
    expect(deleteTemplate(doc, 't1')).toBe(true);
    expect(deleteTemplate(doc, 't1')).toBe(false);
    expect(listTemplates(doc).map((t) => t.id)).toEqual(['t2']);
  });

  it('refuses a bad name, id, content, size or count, writing nothing', () => {
    const doc = new Y.Doc();
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof TemplateError ? e.code : 'other';
      }
      return 'none';
    };
    expect(refusal(() => save(doc, 't1', '   '))).toBe('bad-name');
    expect(refusal(() => save(doc, 't1', 'x'.repeat(101)))).toBe('bad-name');
    expect(refusal(() => save(doc, '../x', 'Retro'))).toBe('bad-id');
    const notADoc = { type: 'paragraph' };
    expect(
      refusal(() =>
        saveTemplate(doc, { id: 't1', name: 'P', createdBy: 'a', createdAt: 1, content: notADoc }),
      ),
    ).toBe('bad-content');
    const huge: NodeJSON = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'x'.repeat(MAX_TEMPLATE_CONTENT_LENGTH) }],
        },
      ],
    };
    expect(
      refusal(() =>
        saveTemplate(doc, { id: 't1', name: 'Big', createdBy: 'a', createdAt: 1, content: huge }),
      ),
    ).toBe('too-large');
    expect(templatesMap(doc).size).toBe(0);
    for (let i = 0; i < MAX_TEMPLATES; i += 1) save(doc, `t${String(i)}`, `T ${String(i)}`);
    expect(refusal(() => save(doc, 'one-more', 'More'))).toBe('too-many');
    // Saving again under an existing id replaces it, within the limit.
    expect(refusal(() => save(doc, 't0', 'Renamed'))).toBe('none');
  });

  it('refuses a template that would take the space over its total size, with a clear message', () => {
    const doc = new Y.Doc();
    // Just under the per-template limit once serialized: 16 fit in 4 MiB, with room for a small one.
    const big = (fill: string): NodeJSON => ({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: fill.repeat(MAX_TEMPLATE_CONTENT_LENGTH - 1000) }],
        },
      ],
    });
    const saveBig = (id: string, fill = 'x') =>
      saveTemplate(doc, { id, name: id, createdBy: 'a', createdAt: 1, content: big(fill) });
    const fits = Math.floor(MAX_TEMPLATES_TOTAL_LENGTH / MAX_TEMPLATE_CONTENT_LENGTH);
    for (let i = 0; i < fits; i += 1) saveBig(`big${String(i)}`);
    const total = () => listTemplates(doc).reduce((sum, t) => sum + t.content.length, 0);
    const before = total();
    let refused: unknown = null;
    try {
      saveBig('one-more');
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(TemplateError);
    expect((refused as TemplateError).code).toBe('space-full');
    expect((refused as TemplateError).message).toMatch(/4 MiB.*delete/);
    expect(templatesMap(doc).has('one-more')).toBe(false);
    expect(total()).toBe(before);
    // Replacing a template of the same size is not counted twice.
    expect(saveBig('big0', 'y').id).toBe('big0');
    // A small one still fits, and deleting a big one makes room again.
    expect(save(doc, 'small', 'Small').id).toBe('small');
    deleteTemplate(doc, 'big1');
    expect(saveBig('one-more').id).toBe('one-more');
    expect(total()).toBeLessThanOrEqual(MAX_TEMPLATES_TOTAL_LENGTH);
  });

  it('drops malformed stored entries and keeps the good ones', () => {
    const doc = new Y.Doc();
    save(doc, 'good', 'Good');
    const map = templatesMap(doc);
    const good = { name: 'Ok', createdBy: 'a', createdAt: 1, content: JSON.stringify(content) };
    map.set('not a valid id!', good);
    map.set('str', 'just a string');
    map.set('arr', [1, 2]);
    map.set('noname', { ...good, name: '' });
    map.set('longname', { ...good, name: 'x'.repeat(500) });
    map.set('badjson', { ...good, content: '{not json' });
    map.set('notdoc', { ...good, content: JSON.stringify({ type: 'paragraph' }) });
    map.set('numcontent', { ...good, content: 42 });
    map.set('hugecontent', { ...good, content: ' '.repeat(MAX_TEMPLATE_CONTENT_LENGTH + 1) });
    map.set('oddmeta', { ...good, createdBy: 7, createdAt: 'yesterday' });
    expect(listTemplates(doc).map((t) => t.id)).toEqual(['good', 'oddmeta']);
    expect(readTemplate('oddmeta', map.get('oddmeta'))).toMatchObject({
      createdBy: '',
      createdAt: 0,
    });
  });

  it('gives a new note fresh, open action items and leaves the template as it was', () => {
    let n = 0;
    const copy = instantiateTemplate(content, () => `new${String((n += 1))}`);
    const item = copy.content?.[1]?.content?.[0];
    expect(item?.attrs).toEqual({
      id: 'new1',
      checked: false,
      assignee: 'sub-ada',
      due: '2026-03-10',
    });
    expect(content.content?.[1]?.content?.[0]?.attrs).toMatchObject({ id: 'a1', checked: true });
  });
});
