import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_TEMPLATES, saveTemplate, templatesMap } from '../../shared/space-templates/index.ts';
import { checkTemplates } from './template-rules.ts';

const CONTENT = { type: 'doc', content: [{ type: 'paragraph' }] };

function copy(doc: Y.Doc): Y.Doc {
  const out = new Y.Doc();
  Y.applyUpdate(out, Y.encodeStateAsUpdate(doc));
  return out;
}

function save(doc: Y.Doc, id: string, by: string): void {
  saveTemplate(doc, { id, name: id, createdBy: by, createdAt: 1, content: CONTENT }, null);
}

describe('checkTemplates', () => {
  it('accepts a template saved as its sender, and any editor removing one', () => {
    const before = new Y.Doc();
    const after = copy(before);
    save(after, 't1', 'ada');
    expect(checkTemplates(before, after, 'ada')).toBeNull();
    const removed = copy(after);
    templatesMap(removed).delete('t1');
    expect(checkTemplates(after, removed, 'grace')).toBeNull();
  });

  it('refuses another name, malformed entries and growth past the count cap', () => {
    const before = new Y.Doc();
    const forged = copy(before);
    save(forged, 't1', 'ada');
    expect(checkTemplates(before, forged, 'grace')).toMatch(/as yourself/);
    const junk = copy(before);
    templatesMap(junk).set('t2', { name: '', content: 'nope' });
    expect(checkTemplates(before, junk, 'grace')).toMatch(/well-formed/);

    const full = new Y.Doc();
    for (let i = 0; i < MAX_TEMPLATES; i++) save(full, `t${String(i)}`, 'ada');
    const over = copy(full);
    templatesMap(over).set('extra', {
      name: 'extra',
      createdBy: 'ada',
      createdAt: 1,
      content: JSON.stringify(CONTENT),
    });
    expect(checkTemplates(full, over, 'ada')).toMatch(/at most 200 templates/);
  });
});
