import { describe, expect, it } from 'vitest';
import { renderCaret, renderSelection } from './carets.ts';

describe('remote carets', () => {
  it('labels the caret with the name and colour, outside the text', () => {
    const caret = renderCaret({ name: 'Grace', color: '#30a46c' });
    const label = caret.querySelector<HTMLElement>('.remote-caret__label');
    expect(label?.dataset['name']).toBe('Grace');
    expect(caret.textContent).toBe('');
    expect(caret.style.borderColor).not.toBe('');
    expect(caret.getAttribute('role')).toBe('img');
    expect(caret.getAttribute('aria-label')).toBe('Cursor of Grace');
  });

  it('treats hostile awareness as anonymous and never as markup', () => {
    const caret = renderCaret({ name: '<img src=x onerror=alert(1)>', color: '#30a46c' });
    expect(caret.querySelector('img')).toBeNull();
    expect(caret.querySelector<HTMLElement>('.remote-caret__label')?.dataset['name']).toBe(
      '<img src=x onerror=alert(1)>',
    );
    const bad = renderCaret({ name: '', color: 'url(x)' });
    expect(bad.querySelector<HTMLElement>('.remote-caret__label')?.dataset['name']).toBe(
      'Anonymous',
    );
  });

  it('colours selections by palette class, not by style attribute', () => {
    expect(renderSelection({ name: 'Ada', color: '#CE2C31' })).toEqual({
      class: 'remote-selection remote-selection--0',
    });
    expect(renderSelection({ name: 'Ada', color: '#123456' })).toEqual({
      class: 'remote-selection',
    });
  });
});
