// Review finding: a body over its limit sent chunked (no content-length) must
// get its 413 JSON answer, not a reset connection, and the relay must stay
// healthy. Real relay on port 0, real dev-IdP tokens, real HTTP clients
// (fetch and node:http) streaming several MiB in small chunks.
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../shared/api.ts';
import {
  createSpace,
  startAuthRelay,
  startTestIdp,
  type TestIdp,
} from '../integration/auth-helpers.ts';
import { tempDataDir } from '../integration/helpers.ts';
import type { RelayHandle } from '../server.ts';

const ADA = 'emp-1001';
const MAX_FILE = 64 * 1024;
const TOTAL = 8 * 1024 * 1024;
const CHUNK = 16 * 1024;
/** A 1×1 PNG's signature and header: the first chunk of every upload. */
const PNG_HEAD = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ', 'base64');

let idp: TestIdp;
let relay: RelayHandle;
let cleanup: () => void;
let token: string;
let spaceId: string;

beforeAll(async () => {
  idp = await startTestIdp();
  token = await idp.token(ADA);
  const data = tempDataDir();
  cleanup = data.cleanup;
  relay = await startAuthRelay(data.dir, idp, { limits: { maxFileBytes: MAX_FILE } });
  spaceId = await createSpace(relay, token);
});
afterAll(async () => {
  await relay.close();
  cleanup();
  await idp.close();
});

/** `TOTAL` bytes in `CHUNK`-sized pieces, produced only as the client pulls them. */
function chunkedBody(first: Buffer): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= TOTAL) {
        controller.close();
        return;
      }
      const chunk = sent === 0 ? first : Buffer.alloc(CHUNK, 0x61);
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

async function fetchChunked(path: string, type: string, first: Buffer): Promise<Response> {
  return fetch(`${relay.httpUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: chunkedBody(first),
    // Node's fetch needs this for a streamed body (Fetch standard, "duplex").
    duplex: 'half',
  });
}

/** The same with node:http, writing chunks until the answer arrives (errors after it are expected). */
function httpChunked(
  path: string,
  type: string,
  first: Buffer,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(`${relay.httpUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
    });
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(parts).toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    let sent = 0;
    const write = (): void => {
      while (!answered && sent < TOTAL) {
        const chunk = sent === 0 ? first : Buffer.alloc(CHUNK, 0x61);
        sent += chunk.byteLength;
        if (!req.write(chunk)) {
          req.once('drain', write);
          return;
        }
      }
      if (!answered) req.end();
    };
    write();
  });
}

async function expectHealthy(): Promise<void> {
  const health = await fetch(`${relay.httpUrl}/healthz`);
  expect(health.status).toBe(200);
  const spaces = await fetch(`${relay.httpUrl}/api/spaces`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(spaces.status).toBe(200);
}

/**
 * A client that writes its whole chunked body before it reads anything (as
 * simple clients do): it only sees the 413 if the relay keeps reading until
 * it is done instead of closing on it (RFC 9112 §9.6). Answers what it read.
 */
async function sendAllThenRead(path: string, type: string, first: Buffer): Promise<string> {
  const socket = connect(relay.port, '127.0.0.1');
  socket.pause();
  const closed = new Promise<void>((resolve) => {
    socket.once('close', () => {
      resolve();
    });
  });
  const errors: Error[] = [];
  socket.on('error', (err) => {
    errors.push(err);
  });
  const chunk = (data: Buffer): Buffer =>
    Buffer.concat([Buffer.from(`${data.byteLength.toString(16)}\r\n`), data, Buffer.from('\r\n')]);
  socket.write(
    `POST ${path} HTTP/1.1\r\nhost: relay\r\nauthorization: Bearer ${token}\r\ncontent-type: ${type}\r\ntransfer-encoding: chunked\r\n\r\n`,
  );
  for (let sent = 0; sent < TOTAL && errors.length === 0;) {
    const data = sent === 0 ? first : Buffer.alloc(CHUNK, 0x61);
    sent += data.byteLength;
    if (!socket.write(chunk(data))) {
      await new Promise<void>((resolve) => {
        socket.once('drain', resolve);
        socket.once('close', resolve);
      });
    }
  }
  socket.write('0\r\n\r\n');
  // Nothing was refused while sending: the relay kept reading after its answer.
  expect(errors).toEqual([]);
  const parts: Buffer[] = [];
  socket.on('data', (part: Buffer) => parts.push(part));
  socket.resume();
  await closed;
  return Buffer.concat(parts).toString('utf8');
}

const JSON_HEAD = Buffer.from('{"name":"');

describe('bodies over the limit sent chunked', () => {
  it.each([
    ['a file upload', () => `/api/spaces/${spaceId}/files`, 'image/png', PNG_HEAD],
    ['a JSON body', () => '/api/spaces', 'application/json', JSON_HEAD],
  ])(
    'answer %s with 413 JSON over fetch, then serve the next requests',
    async (_n, path, type, first) => {
      for (let round = 0; round < 3; round += 1) {
        const answer = await fetchChunked(path(), type, first);
        expect(answer.status).toBe(413);
        expect(answer.headers.get('connection')).toBe('close');
        expect(ApiErrorSchema.parse(await answer.json()).error.code).toBe('payload_too_large');
        await expectHealthy();
      }
    },
  );

  it.each([
    ['a file upload', () => `/api/spaces/${spaceId}/files`, 'image/png', PNG_HEAD],
    ['a JSON body', () => '/api/spaces', 'application/json', JSON_HEAD],
  ])('answer %s with 413 JSON over node:http', async (_n, path, type, first) => {
    const answer = await httpChunked(path(), type, first);
    expect(answer.status).toBe(413);
    expect(answer.headers['connection']).toBe('close');
    expect(ApiErrorSchema.parse(JSON.parse(answer.body)).error.code).toBe('payload_too_large');
    await expectHealthy();
  });

  it.each([
    ['a file upload', () => `/api/spaces/${spaceId}/files`, 'image/png', PNG_HEAD],
    ['a JSON body', () => '/api/spaces', 'application/json', JSON_HEAD],
  ])(
    'answer %s with 413 even to a client that reads only after sending',
    async (_n, path, type, first) => {
      const text = await sendAllThenRead(path(), type, first);
      expect(text).toMatch(/^HTTP\/1\.1 413 /);
      expect(text.toLowerCase()).toContain('connection: close');
      expect(text).toContain('"code":"payload_too_large"');
      await expectHealthy();
    },
  );
});
