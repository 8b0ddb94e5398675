// Pasted images through the relay's REST API, against a real
// relay (port 0, real SQLite) and a real dev IdP: roles, limits, type checks,
// dedupe, members-only reads, hostile ids, CORS and the OpenAPI document.
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../shared/api.ts';
import { StoredFileSchema } from '../../shared/files-api.ts';
import { DESKTOP_APP_ORIGIN } from '../../shared/wire.ts';
import { ADA, ALAN, GRACE, KATHERINE, type DemoPerson } from '../integration/demo-people.ts';
import { useApiRig, type ApiRig } from '../integration/api-rig.ts';

// Ada owns the space, Grace edits, Katherine views, Alan is not a member.
const MAX = 4096;

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(20, 1)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const rigs = useApiRig({ limits: { maxFileBytes: MAX } });
let rig: ApiRig;
let spaceId: string;

function token(sub: DemoPerson): string {
  return rig.tokens[sub];
}

async function start(): Promise<void> {
  rig = await rigs.start();
  spaceId = await rig.space(ADA, { [GRACE]: 'editor', [KATHERINE]: 'viewer' });
  await rig.signIn(ALAN);
}

function upload(
  sub: DemoPerson | null,
  bytes: Uint8Array | ReadableStream<Uint8Array>,
  type = 'image/png',
  space = spaceId,
): Promise<Response> {
  return fetch(`${rig.relay.httpUrl}/api/spaces/${space}/files`, {
    method: 'POST',
    headers: {
      ...(sub === null ? {} : { authorization: `Bearer ${token(sub)}` }),
      'content-type': type,
    },
    body: bytes,
    // Node's fetch needs this for a streamed body (Fetch standard, "duplex").
    duplex: 'half',
  });
}

function download(sub: DemoPerson, fileId: string, space = spaceId): Promise<Response> {
  return fetch(`${rig.relay.httpUrl}/api/spaces/${space}/files/${fileId}`, {
    headers: { authorization: `Bearer ${token(sub)}` },
  });
}

async function errorCode(response: Response): Promise<string> {
  expect(response.headers.get('content-type')).toContain('application/json');
  return ApiErrorSchema.parse(await response.json()).error.code;
}

describe('space files (pasted images)', () => {
  it('stores an editor’s PNG under its SHA-256 and serves it to every member with safe headers', async () => {
    await start();
    const answer = await upload(GRACE, PNG);
    expect(answer.status).toBe(201);
    const stored = StoredFileSchema.parse(await answer.json());
    expect(stored).toEqual({
      fileId: createHash('sha256').update(PNG).digest('base64url'),
      contentType: 'image/png',
      bytes: PNG.byteLength,
    });
    for (const member of [ADA, GRACE, KATHERINE]) {
      const got = await download(member, stored.fileId);
      expect(got.status, member).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/png');
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      expect(got.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
    }
  });

  it('stores the same image once: a second upload answers the same id', async () => {
    await start();
    const first = StoredFileSchema.parse(await (await upload(ADA, PNG)).json());
    const again = await upload(GRACE, PNG);
    expect(again.status).toBe(201);
    expect(StoredFileSchema.parse(await again.json()).fileId).toBe(first.fileId);
    const gif = StoredFileSchema.parse(await (await upload(ADA, GIF, 'image/gif')).json());
    expect(gif.fileId).not.toBe(first.fileId);
    expect(gif.contentType).toBe('image/gif');
  });

  it('refuses uploads from viewers and non-members (403), unknown spaces (404) and no token (401)', async () => {
    await start();
    const viewer = await upload(KATHERINE, PNG);
    expect(viewer.status).toBe(403);
    expect(await errorCode(viewer)).toBe('forbidden');
    const stranger = await upload(ALAN, PNG);
    expect(stranger.status).toBe(403);
    expect((await upload(ADA, PNG, 'image/png', 'AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    const anonymous = await upload(null, PNG);
    expect(anonymous.status).toBe(401);
  });

  it('answers 413 over the limit, by content-length and while streaming a chunked body', async () => {
    await start();
    const big = Buffer.concat([PNG, Buffer.alloc(MAX)]);
    const declared = await upload(ADA, big);
    expect(declared.status).toBe(413);
    expect(await errorCode(declared)).toBe('payload_too_large');
    // No content-length: the relay counts chunks as they arrive.
    const chunks = [PNG, Buffer.alloc(MAX / 2), Buffer.alloc(MAX / 2)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    });
    const streamed = await upload(ADA, stream);
    expect(streamed.status).toBe(413);
    expect(await errorCode(streamed)).toBe('payload_too_large');
    // Exactly at the limit is accepted.
    const atLimit = Buffer.concat([PNG, Buffer.alloc(MAX - PNG.byteLength)]);
    expect((await upload(ADA, atLimit)).status).toBe(201);
  });

  it('answers 415 for SVG, other types, no type, and bytes that do not match the declared type', async () => {
    await start();
    for (const [bytes, type, code] of [
      [SVG, 'image/svg+xml', 'unsupported_media_type'],
      [PNG, 'application/octet-stream', 'unsupported_media_type'],
      [PNG, 'text/html', 'unsupported_media_type'],
      [PNG, 'image/jpeg', 'content_mismatch'],
      [GIF, 'image/png', 'content_mismatch'],
      [SVG, 'image/png', 'content_mismatch'],
      [Buffer.from('<html><script>1</script></html>'), 'image/gif', 'content_mismatch'],
    ] as const) {
      const answer = await upload(ADA, bytes, type);
      expect(answer.status, type).toBe(415);
      expect(await errorCode(answer)).toBe(code);
    }
    expect((await upload(ADA, Buffer.alloc(0))).status).toBe(400);
  });

  it('serves files to members only: 403 for a non-member, 404 for unknown ids and other spaces', async () => {
    await start();
    const { fileId } = StoredFileSchema.parse(await (await upload(ADA, PNG)).json());
    const stranger = await download(ALAN, fileId);
    expect(stranger.status).toBe(403);
    expect(await errorCode(stranger)).toBe('forbidden');
    expect((await download(ADA, 'A'.repeat(43))).status).toBe(404);
    // The same id in a space that never received the file: not found there.
    const other = await rig.space(ALAN, {}, 'Other');
    expect((await download(ALAN, fileId, other)).status).toBe(404);
  });

  it('refuses malformed file ids and path tricks with 400 or 404, never another file', async () => {
    await start();
    await upload(ADA, PNG);
    for (const bad of ['short', '..%2F..%2Fspaces.sqlite', '%2e%2e', `${'A'.repeat(42)}%00`]) {
      const got = await download(ADA, bad);
      expect([400, 404], bad).toContain(got.status);
      expect(got.headers.get('content-type')).toContain('application/json');
    }
    // Raw `..` segments: the HTTP client normalises them; send them as-is.
    const raw = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${rig.relay.httpUrl}/api/spaces/${spaceId}/files/../../../files.sqlite`,
        { headers: { authorization: `Bearer ${token(ADA)}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect([400, 404]).toContain(raw);
  });

  it('lets the web client preflight an image upload (CORS allows content-type)', async () => {
    await start();
    const preflight = await fetch(`${rig.relay.httpUrl}/api/spaces/${spaceId}/files`, {
      method: 'OPTIONS',
      headers: {
        origin: DESKTOP_APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const { fileId } = StoredFileSchema.parse(await (await upload(ADA, PNG)).json());
    const got = await fetch(`${rig.relay.httpUrl}/api/spaces/${spaceId}/files/${fileId}`, {
      headers: { authorization: `Bearer ${token(ADA)}`, origin: DESKTOP_APP_ORIGIN },
    });
    expect(got.headers.get('access-control-allow-origin')).toBe(DESKTOP_APP_ORIGIN);
  });

  it('documents both routes in the OpenAPI document with their binary media types', async () => {
    await start();
    const doc = (await rig.api(null, 'GET', '/api/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: unknown; responses: object }>>;
    };
    const post = doc.paths['/api/spaces/{id}/files']?.['post'];
    expect(post?.requestBody).toMatchObject({
      content: { 'image/png': {}, 'image/jpeg': {}, 'image/gif': {}, 'image/webp': {} },
    });
    expect(post?.responses).toHaveProperty('413');
    expect(post?.responses).toHaveProperty('415');
    const get = doc.paths['/api/spaces/{id}/files/{fileId}']?.['get'];
    expect(get?.responses).toMatchObject({ 200: { content: { 'image/png': {} } } });
  });
});
