import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { isAllowedLinkHref } from '../../../shared/markdown/index.ts';
import { noteExtensions } from './extensions.ts';
import { linkHrefOrRefusal } from './links.ts';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

describe('link policy', () => {
  it('allows http, https and mailto only', () => {
    for (const ok of [
      'https://example.com',
      'http://a.b/c?d#e',
      'HTTPS://EXAMPLE.COM',
      'mailto:ops@example.com',
    ]) {
      expect(isAllowedLinkHref(ok), ok).toBe(true);
    }
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'vbscript:x',
      '//example.com',
      '/relative',
      'https://',
      'https://exa mple.com',
      'ftp://example.com',
      `https://example.com/${'a'.repeat(3000)}`,
      '',
    ]) {
      expect(isAllowedLinkHref(bad), bad).toBe(false);
    }
  });

  it('turns what a person types into an href, or a clear refusal', () => {
    expect(linkHrefOrRefusal(' https://example.com ')).toEqual({ href: 'https://example.com' });
    expect(linkHrefOrRefusal('example.com/docs')).toEqual({ href: 'https://example.com/docs' });
    expect(linkHrefOrRefusal('javascript:alert(1)')).toEqual({
      error: expect.stringContaining('web addresses') as unknown,
    });
  });

  it('is enforced by the editor for commands and pasted HTML', () => {
    editor = new Editor({ extensions: noteExtensions(), injectCSS: false });
    editor.commands.setContent('<p>click</p>');
    editor.commands.selectAll();
    editor.commands.setLink({ href: 'javascript:alert(1)' });
    expect(JSON.stringify(editor.getJSON())).not.toContain('javascript');
    editor.commands.setLink({ href: 'https://example.com' });
    expect(editor.getHTML()).toContain('href="https://example.com"');

    editor.commands.setContent(
      '<p><a href="javascript:alert(1)">x</a> <a href="mailto:a@b.c">m</a></p>',
    );
    const html = editor.getHTML();
    expect(html).not.toContain('javascript');
    expect(html).toContain('href="mailto:a@b.c"');
  });
});
