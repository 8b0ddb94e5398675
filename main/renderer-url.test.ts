import { describe, expect, it } from 'vitest';
import { resolveRendererLocation } from './renderer-url.ts';

describe('resolveRendererLocation', () => {
  it('loads the built renderer from app://commonplace by default', () => {
    expect(resolveRendererLocation({}, { packaged: false })).toEqual({
      url: 'app://commonplace/index.html',
      origin: 'app://commonplace',
      dev: false,
    });
  });

  it('loads a Vite dev server on loopback in development', () => {
    expect(
      resolveRendererLocation(
        { COMMONPLACE_RENDERER_URL: 'http://localhost:5173/' },
        { packaged: false },
      ),
    ).toEqual({
      url: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
      dev: true,
    });
  });

  it('ignores the variable in a packaged app', () => {
    expect(
      resolveRendererLocation(
        { COMMONPLACE_RENDERER_URL: 'http://localhost:5173/' },
        { packaged: true },
      ),
    ).toMatchObject({ url: 'app://commonplace/index.html', dev: false });
  });

  it.each([
    'https://evil.example/',
    'file:///tmp/index.html',
    'http://127.0.0.1.evil.example:5173/',
    'not a url',
  ])('refuses %s', (value) => {
    expect(() =>
      resolveRendererLocation({ COMMONPLACE_RENDERER_URL: value }, { packaged: false }),
    ).toThrow(/COMMONPLACE_RENDERER_URL/);
  });
});
