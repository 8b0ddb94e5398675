// Note search, profiles and the expert finder on a real relay with stock
// y-websocket clients: a seeded corpus whose expert ranking was worked out
// by hand from the documented formula (relay/knowledge/scoring.ts), people
// who did not opt in never listed, and a private space's notes never
// returned to a non-member by search or the expert finder.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createThread } from '../../shared/comments/index.ts';
import {
  ExpertsResponseSchema,
  ProfileSchema,
  SearchResponseSchema,
  type Profile,
} from '../../shared/knowledge-api.ts';
import { useApiRig, type ApiRig, type Caller } from './api-rig.ts';
import { ADA, ALAN, GRACE, KATHERINE, type DemoPerson } from './demo-people.ts';

const rigs = useApiRig({ knowledge: { indexDelayMs: 10, flushMs: 10 } });

interface NoteClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
}
const clients: NoteClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) {
    c.provider.destroy();
    c.doc.destroy();
  }
});

const ANCHOR = {
  start: { tname: 'prosemirror', assoc: 0 },
  end: { tname: 'prosemirror', assoc: 0 },
};

/** Appends a paragraph: one transaction, so one update and one edit. */
function paragraph(client: NoteClient, text: string): void {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text);
  p.insert(0, [t]);
  client.doc.getXmlFragment('body').push([p]);
}

/** A stock y-websocket client whose `body` is a note's XML fragment, as the app writes it. */
async function note(r: ApiRig, room: string, who: DemoPerson): Promise<NoteClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(r.relay.wsUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: r.tokens[who] },
  });
  clients.push({ doc, provider });
  await vi.waitFor(() => {
    expect(provider.synced).toBe(true);
  });
  return { doc, provider };
}

async function profile(r: ApiRig, caller: Caller, id: string): Promise<Profile> {
  const answer = await r.api(caller, 'GET', `/api/people/${id}/profile`);
  expect(answer.status).toBe(200);
  return ProfileSchema.parse(answer.body);
}

/** Edits `who` has on `docId`, as their profile tells `who` themself. */
async function editsOn(r: ApiRig, who: DemoPerson, docId: string): Promise<number> {
  const mine = await profile(r, who, who);
  return mine.recentNotes.find((n) => n.docId === docId)?.edits ?? 0;
}

async function optIn(r: ApiRig, who: DemoPerson, skills: string[], on = true): Promise<void> {
  const answer = await r.api(who, 'PUT', '/api/profile', {
    skills,
    askMeAbout: [],
    expertOptIn: on,
  });
  expect(answer.status).toBe(200);
}

async function experts(r: ApiRig, who: DemoPerson, q: string) {
  const answer = await r.api(who, 'GET', `/api/experts?q=${encodeURIComponent(q)}`);
  expect(answer.status).toBe(200);
  return ExpertsResponseSchema.parse(answer.body).experts;
}

async function search(r: ApiRig, who: DemoPerson, q: string) {
  const answer = await r.api(who, 'GET', `/api/search?q=${encodeURIComponent(q)}`);
  expect(answer.status).toBe(200);
  return SearchResponseSchema.parse(answer.body).hits;
}

/**
 * Team space (Ada owner; Grace, Katherine editors; Alan viewer) and Alan's
 * private space. Edits, then the expected scores (ln = natural log):
 * - Ada: 4 edits of "Kubernetes operators"                → ln 5 = 1.609
 * - Grace: 6 edits of "Kubernetes networking", no opt-in  → never listed
 * - Katherine: 1 comment on "operators" (1 edit too) and the skill
 *   "Kubernetes": ln 2 + 0.5·ln 2 + 2                     → 3.040
 * - Alan: 8 edits of his private "Kubernetes secret plan" → ln 9 = 2.197,
 *   only for someone who may read it (Alan himself).
 */
async function seed(r: ApiRig): Promise<{ team: string; secret: string }> {
  const team = await r.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'editor', [ALAN]: 'viewer' });
  const secret = await r.space(ALAN, {}, 'Private');
  const operators = await note(r, `${team}/operators`, ADA);
  paragraph(operators, 'Kubernetes operators');
  for (let i = 1; i < 4; i += 1) paragraph(operators, `Reconcile loop step ${String(i)}`);
  const networking = await note(r, `${team}/networking`, GRACE);
  paragraph(networking, 'Kubernetes networking');
  for (let i = 1; i < 6; i += 1) paragraph(networking, `Service mesh part ${String(i)}`);
  const plan = await note(r, `${secret}/plan`, ALAN);
  paragraph(plan, 'Kubernetes secret plan');
  for (let i = 1; i < 8; i += 1) paragraph(plan, `Codename nightjar ${String(i)}`);
  const commenting = await note(r, `${team}/operators`, KATHERINE);
  createThread(
    commenting.doc,
    {
      author: { sub: KATHERINE, name: 'Katherine Johnson' },
      text: 'Which operator SDK?',
      now: 1_000,
      anchor: ANCHOR,
      quote: 'operators',
    },
    'app',
  );
  await optIn(r, ADA, []);
  await optIn(r, KATHERINE, ['Kubernetes', 'Orbital mechanics']);
  await optIn(r, ALAN, []);
  await optIn(r, GRACE, ['Kubernetes'], false);
  await vi.waitFor(
    async () => {
      expect(await editsOn(r, ADA, 'operators')).toBe(4);
      expect(await editsOn(r, GRACE, 'networking')).toBe(6);
      expect(await editsOn(r, ALAN, 'plan')).toBe(8);
      const k = (await profile(r, KATHERINE, KATHERINE)).recentNotes;
      expect(k.find((n) => n.docId === 'operators')).toMatchObject({ edits: 1, comments: 1 });
    },
    { timeout: 15_000 },
  );
  return { team, secret };
}

describe('expert finder and note search', () => {
  it('ranks opted-in people as computed by hand, from notes the asker may read', async () => {
    const r = await rigs.start();
    await seed(r);
    await vi.waitFor(async () => {
      const forAda = await experts(r, ADA, 'kubernetes');
      expect(forAda.map((e) => e.id)).toEqual([KATHERINE, ADA]);
      expect(forAda[0]?.score).toBeCloseTo(Math.log(2) * 1.5 + 2, 3);
      expect(forAda[0]?.matchedSkills).toEqual(['Kubernetes']);
      expect(forAda[1]?.score).toBeCloseTo(Math.log(5), 3);
      expect(forAda[1]?.evidence.map((n) => n.title)).toEqual(['Kubernetes operators']);
    });
    // Alan may read his private note: there he is, between the two.
    const forAlan = await experts(r, ALAN, 'kubernetes');
    expect(forAlan.map((e) => e.id)).toEqual([KATHERINE, ALAN, ADA]);
    expect(forAlan[1]?.score).toBeCloseTo(Math.log(9), 3);
    expect(forAlan[1]?.evidence.map((n) => n.docId)).toEqual(['plan']);
  });

  it('never lists someone who did not opt in, and the default is off', async () => {
    const r = await rigs.start();
    await seed(r);
    await vi.waitFor(async () => {
      expect((await search(r, ADA, 'networking')).map((h) => h.docId)).toEqual(['networking']);
    });
    for (const asker of [ADA, GRACE, KATHERINE, ALAN]) {
      const ids = (await experts(r, asker, 'kubernetes networking mesh')).map((e) => e.id);
      expect(ids).not.toContain(GRACE);
    }
    // Someone who never chose follows the company default: off.
    expect((await profile(r, ADA, GRACE)).expertOptIn).toBe(false);
    const hedy = { token: await r.idp.token('emp-1005') };
    await r.api(hedy, 'GET', '/api/me');
    expect((await profile(r, GRACE, 'emp-1005')).expertOptIn).toBe(false);
  });

  it('lists people who never chose when the company default is on, never those who opted out', async () => {
    const r = await rigs.start({
      knowledge: { expertDefaultOptIn: true, indexDelayMs: 10, flushMs: 10 },
    });
    const team = await r.space(ADA, { [GRACE]: 'editor' });
    const doc = await note(r, `${team}/rust`, ADA);
    paragraph(doc, 'Rust borrow checker');
    const grace = await note(r, `${team}/rust`, GRACE);
    paragraph(grace, 'Rust lifetimes explained');
    await vi.waitFor(async () => {
      expect((await experts(r, GRACE, 'rust')).map((e) => e.id).sort()).toEqual([ADA, GRACE]);
    });
    await optIn(r, GRACE, [], false);
    expect((await experts(r, ADA, 'rust')).map((e) => e.id)).toEqual([ADA]);
  });

  it("never returns a private space's notes to a non-member, by search or the expert finder", async () => {
    const r = await rigs.start();
    const { secret } = await seed(r);
    await vi.waitFor(async () => {
      expect((await search(r, ALAN, 'nightjar')).map((h) => h.docId)).toEqual(['plan']);
    });
    for (const outsider of [ADA, GRACE, KATHERINE]) {
      expect(await search(r, outsider, 'nightjar')).toEqual([]);
      const hits = await search(r, outsider, 'kubernetes');
      expect(hits.map((h) => h.docId).sort()).toEqual(['networking', 'operators']);
      expect(hits.some((h) => h.spaceId === secret)).toBe(false);
      const evidence = (await experts(r, outsider, 'kubernetes nightjar')).flatMap(
        (e) => e.evidence,
      );
      expect(evidence.some((n) => n.spaceId === secret)).toBe(false);
      // Alan's profile shows an outsider none of his private notes.
      const alan = await profile(r, outsider, ALAN);
      expect(alan.recentNotes.some((n) => n.spaceId === secret)).toBe(false);
    }
    expect((await profile(r, ALAN, ALAN)).recentNotes.map((n) => n.docId)).toContain('plan');
  });

  it('lets a person edit only their own profile; shows shared spaces', async () => {
    const r = await rigs.start();
    const team = await r.space(ADA, { [GRACE]: 'editor' }, 'Team');
    await r.space(ADA, {}, 'Ada alone');
    const saved = await r.api(GRACE, 'PUT', '/api/profile', {
      skills: ['COBOL'],
      askMeAbout: ['compilers'],
      expertOptIn: true,
    });
    expect(ProfileSchema.parse(saved.body)).toMatchObject({ skills: ['COBOL'], self: true });
    // The body cannot name someone else: an extra field is refused.
    const forged = await r.api(GRACE, 'PUT', '/api/profile', {
      skills: ['forged'],
      askMeAbout: [],
      expertOptIn: true,
      person: ADA,
    });
    expect(forged.status).toBe(400);
    const ada = await profile(r, GRACE, ADA);
    expect(ada).toMatchObject({ skills: [], self: false, name: 'Ada Lovelace' });
    expect(ada.sharedSpaces).toEqual([{ id: team, name: 'Team' }]);
    expect((await r.api(GRACE, 'GET', '/api/people/nobody-here/profile')).status).toBe(404);
    expect((await r.api(GRACE, 'GET', '/api/experts?q=')).status).toBe(400);
  });

  it("shows the directory's location on a profile, provisioned by SCIM", async () => {
    const r = await rigs.start({ directory: { scimToken: 'scim-token-for-profiles' } });
    const created = await fetch(`${r.relay.httpUrl}/scim/v2/Users`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer scim-token-for-profiles',
        'content-type': 'application/scim+json',
      },
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'rosalind@example.com',
        displayName: 'Rosalind Franklin',
        addresses: [{ type: 'work', locality: 'London' }],
      }),
    });
    expect(created.status).toBe(201);
    // Never signed in: the people search finds her directory entry.
    const found = await r.api(ADA, 'GET', '/api/directory?q=Rosalind');
    const [person] = (found.body as { people: { id: string }[] }).people;
    if (person === undefined) throw new Error('Rosalind is not in the directory');
    const rosalind = await profile(r, ADA, person.id);
    expect(rosalind).toMatchObject({ name: 'Rosalind Franklin', location: 'London' });
    // Nobody provisioned Ada: no location rather than a made-up one.
    expect((await profile(r, ADA, ADA)).location).toBeNull();
  });
});
