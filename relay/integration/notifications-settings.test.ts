// Mute and do-not-disturb on a real relay with real y-websocket clients: a
// muted space or note pushes nothing live but still lists its notifications
// (marked muted); during do-not-disturb pushes arrive without an alert, so
// the app updates its inbox quietly, and everything is in the inbox after.
import { describe, expect, it } from 'vitest';
import { NotificationSettingsSchema } from '../../shared/notifications-api.ts';
import { useApiRig } from './api-rig.ts';
import type { ApiRig } from './api-rig.ts';
import { GRACE, KATHERINE, type DemoPerson } from './demo-people.ts';
import { memberClient, whenSynced } from './hostile-member-helpers.ts';
import { inbox, listen, writeItem } from './notifications-helpers.ts';

const rigs = useApiRig({ notifications: { debounceMs: 50, dueScanIntervalMs: 60_000 } });

const KIND = '?kind=action_item.assigned';

async function putSettings(rig: ApiRig, person: DemoPerson, body: unknown): Promise<unknown> {
  const answer = await rig.api(person, 'PUT', '/api/notifications/settings', body);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** A DND window of two hours around now, on UTC's clock (spanning midnight when it must). */
function dndAroundNow(): { start: string; end: string; timeZone: string } {
  const clock = (at: number) => new Date(at).toISOString().slice(11, 16);
  return {
    start: clock(Date.now() - 3_600_000),
    end: clock(Date.now() + 3_600_000),
    timeZone: 'UTC',
  };
}

/** Grace assigns action item `item` of note `note` in `space` to Katherine. */
async function assign(rig: ApiRig, space: string, note: string, item: string): Promise<void> {
  const client = memberClient(rig, `${space}/${note}`, GRACE);
  await whenSynced(client);
  writeItem(client.doc, item, { assignee: KATHERINE });
}

describe('notification settings', () => {
  it('pushes nothing of a muted space or note, yet lists it as muted', async () => {
    const rig = await rigs.start();
    const quiet = await rig.space(GRACE, { [KATHERINE]: 'editor' }, 'Quiet');
    const team = await rig.space(GRACE, { [KATHERINE]: 'editor' }, 'Team');
    const stored = await putSettings(rig, KATHERINE, {
      mutedSpaces: [quiet, quiet],
      mutedNotes: [`${team}/hush`],
      dnd: null,
    });
    // Duplicates are dropped; the settings are Katherine's alone.
    expect(stored).toEqual({ mutedSpaces: [quiet], mutedNotes: [`${team}/hush`], dnd: null });
    const graceSettings = await rig.api(GRACE, 'GET', '/api/notifications/settings');
    expect(graceSettings.body).toEqual({ mutedSpaces: [], mutedNotes: [], dnd: null });

    const katherine = await listen(rig, `${team}/elsewhere`, KATHERINE);
    await assign(rig, quiet, 'plan', 'q1');
    await assign(rig, team, 'hush', 'h1');
    await expect.poll(async () => (await inbox(rig, KATHERINE, KIND)).notifications.length).toBe(2);
    // An unmuted note of the same space still pushes, and it is the only push.
    await assign(rig, team, 'open', 'o1');
    await expect.poll(() => katherine.pushes.length).toBe(1);
    expect(katherine.pushes[0]).toMatchObject({
      alert: true,
      notification: { spaceId: team, noteId: 'open', targetId: 'o1', muted: false },
    });

    const listed = (await inbox(rig, KATHERINE, KIND)).notifications;
    expect(listed.map((n) => [n.noteId, n.muted]).sort()).toEqual([
      ['hush', true],
      ['open', false],
      ['plan', true],
    ]);

    // Unmuting changes the listing of what is already stored, and later pushes.
    await putSettings(rig, KATHERINE, { mutedSpaces: [], mutedNotes: [], dnd: null });
    expect((await inbox(rig, KATHERINE, KIND)).notifications.every((n) => !n.muted)).toBe(true);
    await assign(rig, quiet, 'plan', 'q2');
    await expect.poll(() => katherine.pushes.length).toBe(2);
    expect(katherine.pushes[1]?.notification).toMatchObject({ spaceId: quiet, targetId: 'q2' });
  });

  it('during do-not-disturb pushes without an alert, and the inbox has everything after', async () => {
    const rig = await rigs.start();
    const space = await rig.space(GRACE, { [KATHERINE]: 'editor' });
    const dnd = dndAroundNow();
    await putSettings(rig, KATHERINE, { mutedSpaces: [], dnd });
    const katherine = await listen(rig, `${space}/elsewhere`, KATHERINE);

    await assign(rig, space, 'plan', 'a1');
    await expect.poll(() => katherine.pushes.length).toBe(1);
    expect(katherine.pushes[0]).toMatchObject({
      alert: false,
      notification: { targetId: 'a1', readAt: null, muted: false },
    });

    // Do-not-disturb over: the next one alerts again.
    await putSettings(rig, KATHERINE, { mutedSpaces: [], mutedNotes: [], dnd: null });
    await assign(rig, space, 'plan', 'a2');
    await expect.poll(() => katherine.pushes.length).toBe(2);
    expect(katherine.pushes[1]).toMatchObject({ alert: true, notification: { targetId: 'a2' } });

    const after = await inbox(rig, KATHERINE, KIND);
    expect(after.notifications.map((n) => n.targetId)).toEqual(['a2', 'a1']);
    expect(after.notifications.every((n) => n.readAt === null)).toBe(true);
    expect(after.unread).toBe(3); // and being added to the space
  });

  it('refuses malformed settings and keeps the stored ones', async () => {
    const rig = await rigs.start();
    const space = await rig.space(GRACE, { [KATHERINE]: 'editor' });
    const good = { mutedSpaces: [space], mutedNotes: [], dnd: null };
    await putSettings(rig, KATHERINE, good);
    for (const bad of [
      { mutedSpaces: [], dnd: { start: '22:00', end: '07:00', timeZone: 'Mars/Olympus' } },
      { mutedSpaces: [], dnd: { start: '25:00', end: '07:00', timeZone: 'UTC' } },
      { mutedSpaces: 'all', dnd: null },
      { mutedSpaces: [], dnd: null, extra: true },
    ]) {
      const answer = await rig.api(KATHERINE, 'PUT', '/api/notifications/settings', bad);
      expect(answer.status).toBe(400);
    }
    const now = await rig.api(KATHERINE, 'GET', '/api/notifications/settings');
    expect(NotificationSettingsSchema.parse(now.body)).toEqual(good);
  });
});
