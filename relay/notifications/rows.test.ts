import { describe, expect, it } from 'vitest';
import { isMuted } from '../../shared/notifications-api.ts';
import { parseSettings } from './rows.ts';

describe('stored notification settings', () => {
  it('reads settings stored before notes could be muted', () => {
    expect(parseSettings(JSON.stringify({ mutedSpaces: ['s1'], dnd: null }))).toEqual({
      mutedSpaces: ['s1'],
      mutedNotes: [],
      dnd: null,
    });
  });

  it('falls back to the defaults for missing or unreadable settings', () => {
    const none = { mutedSpaces: [], mutedNotes: [], dnd: null };
    expect(parseSettings(undefined)).toEqual(none);
    expect(parseSettings('{not json')).toEqual(none);
    expect(parseSettings(JSON.stringify({ mutedSpaces: 3 }))).toEqual(none);
  });

  it('mutes by space or by note', () => {
    const settings = { mutedSpaces: ['s1'], mutedNotes: ['s2/n1'] };
    expect(isMuted(settings, 's1', null)).toBe(true);
    expect(isMuted(settings, 's1', 'n9')).toBe(true);
    expect(isMuted(settings, 's2', 'n1')).toBe(true);
    expect(isMuted(settings, 's2', 'n2')).toBe(false);
    expect(isMuted(settings, 's2', null)).toBe(false);
  });
});
