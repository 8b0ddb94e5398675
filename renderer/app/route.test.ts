import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NOTE,
  profileRoute,
  roomOf,
  routeFromSearch,
  searchForRoute,
  viewOf,
  viewRoute,
} from './route.ts';

describe('routeFromSearch', () => {
  it('without a space, opens Home; the note defaults to the space home', () => {
    expect(routeFromSearch('')).toEqual({
      ok: true,
      route: { spaceId: null, docId: DEFAULT_NOTE },
    });
    expect(roomOf({ spaceId: null, docId: 'x' })).toBeNull();
    expect(viewOf({ spaceId: null, docId: DEFAULT_NOTE })).toBe('home');
  });

  it('reads the inbox, action item and browse views, and writes them back', () => {
    const inbox = routeFromSearch('?view=inbox');
    expect(inbox).toEqual({ ok: true, route: viewRoute('inbox') });
    if (inbox.ok) expect(searchForRoute(inbox.route)).toBe('?view=inbox');
    expect(searchForRoute(viewRoute('actions'))).toBe('?view=actions');
    // Browse spaces is a link of its own, so it survives a reload.
    expect(routeFromSearch('?view=browse')).toEqual({ ok: true, route: viewRoute('browse') });
    expect(searchForRoute(viewRoute('home'))).toBe('');
    // An unknown view is Home, not an error: old links keep working.
    const unknown = routeFromSearch('?view=nope');
    expect(unknown.ok && viewOf(unknown.route)).toBe('home');
    // A space wins over a view.
    const both = routeFromSearch('?space=s1&view=inbox');
    expect(both.ok && viewOf(both.route)).toBeNull();
  });

  it('reads space and note, and writes them back', () => {
    const result = routeFromSearch('?space=team-1&note=standup_2');
    expect(result).toEqual({ ok: true, route: { spaceId: 'team-1', docId: 'standup_2' } });
    if (result.ok) {
      expect(searchForRoute(result.route)).toBe('?space=team-1&note=standup_2');
      expect(roomOf(result.route)).toEqual({ spaceId: 'team-1', docId: 'standup_2' });
    }
    expect(searchForRoute({ spaceId: 'team-1', docId: DEFAULT_NOTE })).toBe('?space=team-1');
  });

  it.each([
    '?space=..&note=x',
    '?space=a%2Fb&note=x',
    '?space=',
    '?note=',
    '?note=a/b',
    `?note=${'x'.repeat(65)}`,
  ])('rejects %s with a message', (search) => {
    const result = routeFromSearch(search);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/does not name a note/);
  });
});

describe('profile links', () => {
  it('round-trip a person id, percent-encoded; a profile without a person is a bad link', () => {
    const route = profileRoute('emp 1001/ä');
    const search = searchForRoute(route);
    expect(search).toBe('?view=profile&person=emp+1001%2F%C3%A4');
    expect(routeFromSearch(search)).toEqual({ ok: true, route });
    expect(routeFromSearch('?view=profile').ok).toBe(false);
    expect(routeFromSearch(`?view=profile&person=${'x'.repeat(256)}`).ok).toBe(false);
    expect(routeFromSearch('?view=experts')).toEqual({ ok: true, route: viewRoute('experts') });
  });
});
