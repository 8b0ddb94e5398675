import { describe, expect, it } from 'vitest';
import { setLanguagePreference } from '../i18n/index.ts';
import { derivePeers, samePeers } from './peers.ts';

describe('derivePeers', () => {
  it('lists self first, then others by name, from awareness user fields', () => {
    const states = new Map<number, Record<string, unknown>>([
      [3, { user: { name: 'Zoe', color: '#30a46c' } }],
      [7, { user: { name: 'Me', color: '#e5484d' }, cursor: null }],
      [5, { user: { name: 'Ada', color: '#0090ff' } }],
    ]);
    expect(derivePeers(states, 7).map((p) => [p.name, p.isSelf])).toEqual([
      ['Me', true],
      ['Ada', false],
      ['Zoe', false],
    ]);
  });

  it('shows invalid or missing user fields as anonymous (hostile awareness)', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { name: 'x'.repeat(500), color: '#fff' } }],
      [2, { user: { name: 'Eve', color: 'red; background:url(//evil)' } }],
      [3, {}],
    ]);
    const peers = derivePeers(states, 99);
    expect(peers).toHaveLength(3);
    for (const p of peers) {
      expect(p.name).toBe('Anonymous');
      expect(p.color).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });
});

describe('samePeers', () => {
  const a = { clientId: 1, name: 'Ada', color: '#0090ff', isSelf: false };
  it('compares by value', () => {
    expect(samePeers([a], [{ ...a }])).toBe(true);
    expect(samePeers([a], [{ ...a, name: 'Bo' }])).toBe(false);
    expect(samePeers([a], [])).toBe(false);
  });
});

describe('an anonymous peer', () => {
  it('is named in the UI language', async () => {
    await setLanguagePreference('de');
    try {
      expect(derivePeers(new Map([[1, {}]]), 99)[0]?.name).toBe('Anonym');
    } finally {
      await setLanguagePreference('system');
    }
  });
});
