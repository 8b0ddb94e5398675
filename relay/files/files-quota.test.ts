// Review findings: a per-space quota on stored files, a relay-wide cap on
// uploads read at once, and `GET …/files/limits`. Real relay on port 0, real
// SQLite, real dev-IdP tokens.
import { request, type ClientRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../shared/api.ts';
import { FileLimitsSchema, StoredFileSchema } from '../../shared/files-api.ts';
import type { RelayLimits } from '../../shared/limits.ts';
import { ADA, ALAN, KATHERINE, type DemoPerson } from '../integration/demo-people.ts';
import { useApiRig, type ApiRig } from '../integration/api-rig.ts';

// Ada owns the space, Katherine views, Alan is not a member.
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A distinct "PNG" of `size` bytes (the relay checks the signature only). */
function png(size: number, fill: number): Buffer {
  return Buffer.concat([PNG_SIGNATURE, Buffer.alloc(size - PNG_SIGNATURE.byteLength, fill)]);
}

const rigs = useApiRig({ limits: { maxFileBytes: 4096 } });
let rig: ApiRig;
let spaceId: string;

function token(sub: DemoPerson): string {
  return rig.tokens[sub];
}

async function start(limits: Partial<RelayLimits>): Promise<void> {
  rig = await rigs.start({ limits });
  spaceId = await rig.space(ADA, { [KATHERINE]: 'viewer' });
  await rig.signIn(ALAN);
}

function upload(bytes: Uint8Array, space = spaceId, sub: DemoPerson = ADA): Promise<Response> {
  return fetch(`${rig.relay.httpUrl}/api/spaces/${space}/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token(sub)}`, 'content-type': 'image/png' },
    body: bytes,
  });
}

async function limits(
  space = spaceId,
  sub: DemoPerson = ADA,
): Promise<{ status: number; body: unknown }> {
  const answer = await rig.api(sub, 'GET', `/api/spaces/${space}/files/limits`);
  return { status: answer.status, body: answer.body };
}

describe('space file quota', () => {
  it('refuses an upload past the quota with 413 quota_exceeded; a file already stored costs nothing', async () => {
    await start({ spaceFileQuotaBytes: 2500 });
    const first = png(1000, 1);
    expect((await upload(first)).status).toBe(201);
    expect((await upload(png(1000, 2))).status).toBe(201);
    expect(FileLimitsSchema.parse((await limits()).body)).toEqual({
      maxFileBytes: 4096,
      spaceBytesLeft: 500,
    });

    const over = await upload(png(1000, 3));
    expect(over.status).toBe(413);
    const error = ApiErrorSchema.parse(await over.json()).error;
    expect(error.code).toBe('quota_exceeded');
    expect(error.message).toContain('files are full');
    // The same bytes again: stored already, so accepted without counting.
    const again = await upload(first);
    expect(again.status).toBe(201);
    expect(StoredFileSchema.parse(await again.json()).bytes).toBe(1000);
    // A file that fits the 500 bytes left is still accepted, then nothing is left.
    expect((await upload(png(500, 4))).status).toBe(201);
    expect(FileLimitsSchema.parse((await limits()).body).spaceBytesLeft).toBe(0);
    // The quota is per space: another space starts empty.
    const other = await rig.space(ADA, {}, 'Other');
    expect((await upload(png(1000, 3), other)).status).toBe(201);
  });

  it('answers the limits to every member (viewers too), 403 to others, 404 for unknown spaces', async () => {
    await start({ spaceFileQuotaBytes: null });
    const viewer = await limits(spaceId, KATHERINE);
    expect(viewer.status).toBe(200);
    // `limits` is not taken for a file id (…/files/{fileId} would answer 400).
    expect(FileLimitsSchema.parse(viewer.body)).toEqual({
      maxFileBytes: 4096,
      spaceBytesLeft: null,
    });
    const stranger = await limits(spaceId, ALAN);
    expect(stranger.status).toBe(403);
    expect(ApiErrorSchema.parse(stranger.body).error.code).toBe('forbidden');
    expect((await limits('AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    // Other methods on the path are refused, naming GET once (DELETE is the
    // template `files/{fileId}`, which answers 400 for `limits`).
    const post = await fetch(`${rig.relay.httpUrl}/api/spaces/${spaceId}/files/limits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token(ADA)}` },
    });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, DELETE');
  });

  it('documents the limits route in the OpenAPI document, and 503 on uploads', async () => {
    await start({});
    const doc = (await rig.api(null, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { responses: object }>>;
    };
    expect(doc.paths['/api/spaces/{id}/files/limits']?.['get']?.responses).toHaveProperty('200');
    expect(doc.paths['/api/spaces/{id}/files']?.['post']?.responses).toHaveProperty('503');
  });
});

describe('uploads read at once', () => {
  /** An upload whose first bytes are sent and whose body stays open until `req.end()`/`destroy()`. */
  function openUpload(): { req: ClientRequest; answer: Promise<number> } {
    const req = request(`${rig.relay.httpUrl}/api/spaces/${spaceId}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token(ADA)}`, 'content-type': 'image/png' },
    });
    const answer = new Promise<number>((resolve) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => {
        resolve(-1);
      });
    });
    req.write(PNG_SIGNATURE);
    return { req, answer };
  }

  it('refuses uploads past the cap with 503 and retry-after, and frees the slot on success and on abort', async () => {
    await start({ maxConcurrentUploads: 1 });
    const slow = openUpload();
    // Once the slow upload holds the only slot, the next one is refused before it is read.
    let busy: Response | undefined;
    await expect
      .poll(async () => {
        busy = await upload(png(100, 1));
        return busy.status;
      })
      .toBe(503);
    expect(busy?.headers.get('retry-after')).toBe('1');
    expect(busy === undefined ? null : ApiErrorSchema.parse(await busy.json()).error.code).toBe(
      'too_many_uploads',
    );
    // The slow upload finishes: its slot is free again.
    slow.req.end(Buffer.alloc(100, 7));
    expect(await slow.answer).toBe(201);
    expect((await upload(png(100, 2))).status).toBe(201);

    // A client that goes away mid-body frees its slot too.
    const aborted = openUpload();
    await expect.poll(async () => (await upload(png(100, 3))).status).toBe(503);
    aborted.req.destroy();
    await expect.poll(async () => (await upload(png(100, 4))).status).toBe(201);
    // And so does an upload refused for its size.
    expect((await upload(png(5000, 5))).status).toBe(413);
    expect((await upload(png(100, 6))).status).toBe(201);
  });
});
