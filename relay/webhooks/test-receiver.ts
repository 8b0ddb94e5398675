/**
 * Test helper: a real HTTP receiver of webhook deliveries on loopback. It
 * records every request (headers and raw body) and answers with the status
 * the test chooses, so retries, failures and restarts can be driven.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  EVENT_ID_HEADER,
  WebhookEventSchema,
  type WebhookEvent,
} from '../../shared/webhooks-api.ts';

export interface ReceivedDelivery {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly event: WebhookEvent;
  readonly eventId: string;
  /** What the receiver answered. */
  readonly status: number;
}

export interface TestReceiver {
  readonly url: string;
  readonly received: ReceivedDelivery[];
  /** Answers with `status` from now on; `times` answers only, then 204 again. */
  answer(status: number, times?: number): void;
  /** Deliveries of one event kind, in arrival order. */
  ofKind(kind: string): ReceivedDelivery[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<TestReceiver> {
  const received: ReceivedDelivery[] = [];
  let status = 204;
  let remaining = Infinity;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = remaining > 0 ? status : 204;
      remaining -= 1;
      if (remaining <= 0) {
        status = 204;
        remaining = Infinity;
      }
      const eventIdHeader = req.headers[EVENT_ID_HEADER.toLowerCase()];
      received.push({
        headers: req.headers,
        body,
        event: WebhookEventSchema.parse(JSON.parse(body)),
        eventId: typeof eventIdHeader === 'string' ? eventIdHeader : '',
        status: answer,
      });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/hook`,
    received,
    answer: (next, times = Infinity) => {
      status = next;
      remaining = times;
    },
    ofKind: (kind) => received.filter((d) => d.event.type === kind),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
