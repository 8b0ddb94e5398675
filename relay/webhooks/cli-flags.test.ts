import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF } from './deliverer.ts';
import { parseWebhookFlags } from './cli-flags.ts';

describe('webhook flags', () => {
  it('parses flags before the environment and names a bad value', () => {
    expect(parseWebhookFlags({}, {})).toEqual({});
    expect(
      parseWebhookFlags(
        { 'webhooks-allow-local': true, 'webhook-debounce-seconds': '5' },
        { RELAY_WEBHOOK_DEBOUNCE_SECONDS: '9', RELAY_WEBHOOK_MAX_ATTEMPTS: '3' },
      ),
    ).toEqual({
      allowLocalTargets: true,
      debounceMs: 5000,
      backoff: { ...DEFAULT_BACKOFF, maxAttempts: 3 },
    });
    expect(parseWebhookFlags({ 'webhook-max-attempts': '0' }, {})).toMatch(
      /--webhook-max-attempts/,
    );
    expect(parseWebhookFlags({}, { RELAY_WEBHOOK_DEBOUNCE_SECONDS: 'x' })).toMatch(
      /RELAY_WEBHOOK_DEBOUNCE_SECONDS/,
    );
  });
});
