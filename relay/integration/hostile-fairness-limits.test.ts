// One member tries to take what everyone shares: every connection slot,
// every upload slot (with uploads that never finish), the request budget,
// and spaces by the hundred. Each refusal names its limit and when to
// retry (HTTP 429 + Retry-After, or close 4429 with a reason), and a
// second, honest person is served all along.
import { request } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { ApiErrorSchema, MySpacesResponseSchema } from '../../shared/api.ts';
import { StoredFileSchema } from '../../shared/files-api.ts';
import { CloseCode } from '../../shared/wire.ts';
import { useApiRig, type ApiRig } from './api-rig.ts';
import { ADA, GRACE, KATHERINE } from './demo-people.ts';
import { synced, type TestClient } from './helpers.ts';

let clock = 1_700_000_000_000;
const rigs = useApiRig({ clock: () => clock });

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function png(fill: number, size = 200): Uint8Array {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set(PNG_MAGIC);
  return bytes;
}

function limitOf(answer: { status: number; headers: Headers; body: unknown }): {
  limit: string | undefined;
  retryAfter: number;
} {
  expect(answer.status).toBe(429);
  const error = ApiErrorSchema.parse(answer.body).error;
  const retryAfter = Number(answer.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(error.retryAfterSeconds).toBe(retryAfter);
  expect(error.message).toContain(error.limit);
  return { limit: error.limit, retryAfter };
}

/** An upload that sends its first bytes and then nothing: its answer, whenever the relay gives one. */
function stalledUpload(r: ApiRig, token: string, spaceId: string) {
  const url = new URL(`/api/spaces/${spaceId}/files`, r.relay.httpUrl);
  const req = request(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'image/png',
      'content-length': '100000',
    },
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
  });
  req.write(Buffer.from(png(1, 64)));
  let settled = false;
  void answered.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { answered, settled: () => settled, abort: () => req.destroy() };
}

async function upload(
  r: ApiRig,
  who: typeof ADA | typeof GRACE,
  spaceId: string,
  bytes: Uint8Array,
) {
  const response = await fetch(`${r.relay.httpUrl}/api/spaces/${spaceId}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${r.tokens[who]}`, 'content-type': 'image/png' },
    body: bytes,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? null : (JSON.parse(text) as unknown),
  };
}

describe('fair shares per person', () => {
  it('closes a person’s connection past their share with 4429 naming the limit; others connect', async () => {
    const r = await rigs.start({ limits: { maxConnectionsPerPerson: 2 } });
    const spaceId = await r.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
    const room = `${spaceId}/notes`;
    const mine: TestClient[] = [r.connect(room, GRACE), r.connect(room, GRACE)];
    await Promise.all(mine.map(synced));
    const third = r.connect(room, GRACE);
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => {
      third.provider.on('connection-close', (event) => {
        if (event !== null) resolve({ code: event.code, reason: event.reason });
      });
    });
    third.destroy();
    expect(closed.code).toBe(CloseCode.Overloaded);
    expect(closed.reason).toMatch(/maxConnectionsPerPerson \(2\).*retry in \d+ s/);

    // Another person connects and syncs with Grace's edits.
    mine[0]?.text.insert(0, 'from grace');
    const katherine = r.connect(room, KATHERINE);
    await synced(katherine);
    await expect.poll(() => katherine.text.toJSON()).toBe('from grace');
    // Grace closes one of hers: her next connection is admitted.
    mine[1]?.destroy();
    await expect.poll(() => r.relay.stats().connections).toBe(2);
    const again = r.connect(room, GRACE);
    await synced(again);
    expect(again.text.toJSON()).toBe('from grace');
  });

  it('keeps one person’s stalled uploads from blocking another’s upload', async () => {
    const r = await rigs.start({
      limits: {
        maxConcurrentUploads: 3,
        maxConcurrentUploadsPerPerson: 2,
        uploadIdleTimeoutMs: 60_000,
      },
    });
    const spaceId = await r.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
    const stalled = [0, 1].map(() => stalledUpload(r, r.tokens[GRACE], spaceId));
    // Grace's next upload is refused as soon as her two are being read.
    const refused = await vi.waitFor(async () => {
      const answer = await upload(r, GRACE, spaceId, png(2));
      expect(answer.status).toBe(429);
      return answer;
    });
    expect(limitOf(refused).limit).toBe('maxConcurrentUploadsPerPerson');

    const ada = await upload(r, ADA, spaceId, png(3));
    expect(ada.status).toBe(201);
    expect(stalled.map((s) => s.settled())).toEqual([false, false]);
    const { fileId } = StoredFileSchema.parse(ada.body);
    const seen = await fetch(`${r.relay.httpUrl}/api/spaces/${spaceId}/files/${fileId}`, {
      headers: { authorization: `Bearer ${r.tokens[KATHERINE]}` },
    });
    expect(seen.status).toBe(200);
    expect(new Uint8Array(await seen.arrayBuffer())).toEqual(png(3));
    for (const s of stalled) s.abort();
  });

  it('answers a stalled upload 408 once idle and frees its slot', async () => {
    const r = await rigs.start({
      limits: {
        maxConcurrentUploads: 1,
        maxConcurrentUploadsPerPerson: 1,
        uploadIdleTimeoutMs: 300,
      },
    });
    const spaceId = await r.space(ADA, { [GRACE]: 'editor' });
    const stalled = stalledUpload(r, r.tokens[GRACE], spaceId);
    const answer = await stalled.answered;
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'upload_stalled' } });
    expect((await upload(r, ADA, spaceId, png(4))).status).toBe(201);
  });

  it('refuses a person past their requests per minute with 429, while others are served', async () => {
    const r = await rigs.start({ limits: { restRequestsPerMinute: 10 } });
    await r.space(ADA, { [GRACE]: 'editor' });
    let served = 0;
    let answer = await r.api(GRACE, 'GET', '/api/spaces');
    while (answer.status === 200) {
      served += 1;
      answer = await r.api(GRACE, 'GET', '/api/spaces');
    }
    expect(served).toBeLessThanOrEqual(10);
    const { limit, retryAfter } = limitOf(answer);
    expect(limit).toBe('restRequestsPerMinute');
    const ada = await r.api(ADA, 'GET', '/api/spaces');
    expect(ada.status).toBe(200);
    expect(MySpacesResponseSchema.parse(ada.body).spaces).toHaveLength(1);
    clock += retryAfter * 1000;
    expect((await r.api(GRACE, 'GET', '/api/spaces')).status).toBe(200);
  });

  it('refuses a person past their spaces per day with 429, while others create theirs', async () => {
    const r = await rigs.start({ limits: { spacesCreatedPerDay: 3 } });
    let created = 0;
    let answer = await r.api(GRACE, 'POST', '/api/spaces', { name: 'Mine' });
    while (answer.status === 201) {
      created += 1;
      answer = await r.api(GRACE, 'POST', '/api/spaces', { name: `Mine ${String(created)}` });
    }
    expect(created).toBe(3);
    const { limit, retryAfter } = limitOf(answer);
    expect(limit).toBe('spacesCreatedPerDay');
    const grace = MySpacesResponseSchema.parse((await r.api(GRACE, 'GET', '/api/spaces')).body);
    expect(grace.spaces).toHaveLength(3);
    expect((await r.api(ADA, 'POST', '/api/spaces', { name: 'Ours' })).status).toBe(201);
    const ada = MySpacesResponseSchema.parse((await r.api(ADA, 'GET', '/api/spaces')).body);
    expect(ada.spaces.map((s) => s.name)).toEqual(['Ours']);
    clock += retryAfter * 1000;
    expect((await r.api(GRACE, 'POST', '/api/spaces', { name: 'Later' })).status).toBe(201);
  });
});
