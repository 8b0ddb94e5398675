// Notes over REST against a real relay on port 0, driven with personal
// access tokens as a script would: a note created with Markdown reads back
// as the same Markdown; appended Markdown reaches a stock y-websocket client
// with the note open, live; a read token, a viewer and a non-member cannot
// write; action items are listed (mine, a space's) and completed.
import { describe, expect, it, onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CreatedAccessTokenSchema } from '../../shared/access-tokens-api.ts';
import { fragmentToMarkdown } from '../../shared/markdown/index.ts';
import { ActionItemsResponseSchema, NoteSchema } from '../../shared/notes-api.ts';
import { useApiRig, type ApiRig, type Caller } from './api-rig.ts';
import { ADA, ALAN, GRACE, KATHERINE } from './demo-people.ts';
import { synced } from './helpers.ts';

const rigs = useApiRig();

async function pat(r: ApiRig, caller: Caller, scopes: string[]): Promise<{ token: string }> {
  const answer = await r.api(caller, 'POST', '/api/tokens', { name: 'script', scopes });
  expect(answer.status).toBe(201);
  return { token: CreatedAccessTokenSchema.parse(answer.body).secret };
}

/** Checked by hand against the format of shared/markdown/README.md. */
const PLAN = [
  '# Launch plan',
  '',
  'We ship on **Friday**, see [the brief](<https://example.com/brief>).',
  '',
  '- [ ] Write the announcement 👤 Grace Hopper 📅 2026-12-11',
  '',
].join('\n');

async function markdownOf(r: ApiRig, caller: Caller, spaceId: string, noteId: string) {
  const response = await fetch(
    `${r.relay.httpUrl}/api/spaces/${spaceId}/notes/${noteId}/markdown`,
    {
      headers: {
        authorization: `Bearer ${typeof caller === 'object' && caller !== null ? caller.token : r.tokens[caller as typeof ADA]}`,
      },
    },
  );
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

describe('notes over REST', () => {
  it('creates a note from Markdown and reads it back as Markdown and JSON', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
    const token = await pat(r, ADA, ['write']);
    const created = await r.api(token, 'POST', `/api/spaces/${spaceId}/notes`, {
      title: 'Launch plan',
      markdown: PLAN,
    });
    expect(created.status).toBe(201);
    const note = NoteSchema.parse(created.body);
    expect(note.title).toBe('Launch plan');

    const md = await markdownOf(r, await pat(r, KATHERINE, ['read']), spaceId, note.id);
    expect(md.status).toBe(200);
    expect(md.type).toContain('text/markdown');
    expect(md.text).toBe(PLAN);

    const json = NoteSchema.parse(
      (await r.api(token, 'GET', `/api/spaces/${spaceId}/notes/${note.id}`)).body,
    );
    expect(json.markdown).toBe(PLAN);
    expect(JSON.stringify(json.content)).toContain('"assignee":"' + GRACE + '"');
    // The page is in the space's tree, as if created in the app.
    const index = r.connect(`${spaceId}/index`, GRACE);
    await synced(index);
    expect(index.doc.getMap('pages').has(note.id)).toBe(true);
  });

  it('appends Markdown that a connected editor sees live', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [GRACE]: 'editor' });
    const token = await pat(r, ADA, ['write']);
    const created = await r.api(token, 'POST', `/api/spaces/${spaceId}/notes`, {
      title: 'Log',
      markdown: 'First line.',
    });
    const { id } = NoteSchema.parse(created.body);
    // A stock y-websocket client whose doc reads the body as the editor does (an XML fragment).
    const doc = new Y.Doc();
    doc.getXmlFragment('body');
    const provider = new WebsocketProvider(r.relay.wsUrl, `${spaceId}/${id}`, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token: r.tokens[GRACE] },
    });
    onTestFinished(() => {
      provider.destroy();
    });
    const grace = { doc };
    await expect.poll(() => provider.synced).toBe(true);
    const body = (d: Y.Doc) => fragmentToMarkdown(d.getXmlFragment('body'));
    expect(body(grace.doc)).toBe('First line.\n');

    const appended = await r.api(token, 'POST', `/api/spaces/${spaceId}/notes/${id}/append`, {
      markdown: '## Update\n\nDeployed *build 42*.',
    });
    expect(appended.status).toBe(200);
    const expected = 'First line.\n\n## Update\n\nDeployed *build 42*.\n';
    expect(NoteSchema.parse(appended.body).markdown).toBe(expected);
    await expect.poll(() => body(grace.doc)).toBe(expected);
    // Stored, not only relayed: a restarted relay reads it back.
    provider.destroy();
    await r.restart();
    expect((await markdownOf(r, ADA, spaceId, id)).text).toBe(expected);
  });

  it('refuses writes to read tokens, viewers and non-members', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [KATHERINE]: 'viewer' });
    const created = await r.api(ADA, 'POST', `/api/spaces/${spaceId}/notes`, { title: 'Locked' });
    const { id } = NoteSchema.parse(created.body);
    const path = `/api/spaces/${spaceId}/notes/${id}/append`;
    const read = await r.api(await pat(r, ADA, ['read']), 'POST', path, { markdown: 'no' });
    expect(read.status).toBe(403);
    expect(JSON.stringify(read.body)).toContain('insufficient_scope');
    const viewer = await r.api(await pat(r, KATHERINE, ['write']), 'POST', path, {
      markdown: 'no',
    });
    expect(viewer.status).toBe(403);
    expect(
      (await r.api(KATHERINE, 'POST', `/api/spaces/${spaceId}/notes`, { title: 'x' })).status,
    ).toBe(403);
    expect((await r.api(ALAN, 'GET', `/api/spaces/${spaceId}/notes/${id}`)).status).toBe(403);
    expect((await r.api(ADA, 'GET', `/api/spaces/${spaceId}/notes/not-a-note`)).status).toBe(404);
    expect((await markdownOf(r, ADA, spaceId, id)).text).toBe('');
  });

  it('lists action items (mine, a space’s) and completes one', async () => {
    const r = await rigs.start();
    const spaceId = await r.space(ADA, { [GRACE]: 'editor' });
    const created = await r.api(ADA, 'POST', `/api/spaces/${spaceId}/notes`, {
      title: 'Sync',
      markdown: '- [ ] Book the room 👤 Grace Hopper\n- [ ] Send notes 👤 Ada Lovelace',
    });
    const { id } = NoteSchema.parse(created.body);
    const graceToken = await pat(r, GRACE, ['read', 'write']);
    const mine = ActionItemsResponseSchema.parse(
      (await r.api(graceToken, 'GET', '/api/action-items')).body,
    );
    expect(mine.items.map((i) => [i.text, i.assignee, i.noteTitle])).toEqual([
      ['Book the room', GRACE, 'Sync'],
    ]);
    const space = ActionItemsResponseSchema.parse(
      (await r.api(graceToken, 'GET', `/api/spaces/${spaceId}/action-items`)).body,
    );
    expect(space.items).toHaveLength(2);

    const itemId = mine.items[0]?.id ?? '';
    const done = await r.api(
      graceToken,
      'POST',
      `/api/spaces/${spaceId}/notes/${id}/action-items/${itemId}/complete`,
    );
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: itemId, checked: true });
    expect(
      ActionItemsResponseSchema.parse((await r.api(graceToken, 'GET', '/api/action-items')).body)
        .items,
    ).toEqual([]);
    const all = ActionItemsResponseSchema.parse(
      (await r.api(graceToken, 'GET', '/api/action-items?all=true')).body,
    );
    expect(all.items.map((i) => i.checked)).toEqual([true]);
    expect(
      (
        await r.api(
          graceToken,
          'POST',
          `/api/spaces/${spaceId}/notes/${id}/action-items/nope/complete`,
        )
      ).status,
    ).toBe(404);
  });
});
