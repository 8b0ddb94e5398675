/**
 * The relay's webhook flags, parsed with the governance flags
 * (cli-governance.ts), with the same precedence: flag, environment, default.
 */
import type { WebhookSettings } from './service.ts';
import { DEFAULT_BACKOFF } from './deliverer.ts';

/** `parseArgs` options of these flags. */
export const WEBHOOK_OPTIONS = {
  'webhooks-allow-local': { type: 'boolean' },
  'webhook-debounce-seconds': { type: 'string' },
  'webhook-max-attempts': { type: 'string' },
} as const;

export const WEBHOOK_HELP = `  --webhooks-allow-local   let webhooks post to http://localhost, 127.0.0.1 and private addresses
                           (RELAY_WEBHOOKS_ALLOW_LOCAL=1; development only: it opens the relay's network to SSRF)
  --webhook-debounce-seconds <n>  quiet time before a note's note.updated is sent
                           (RELAY_WEBHOOK_DEBOUNCE_SECONDS, default 30)
  --webhook-max-attempts <n>  attempts per delivery before it is marked failed
                           (RELAY_WEBHOOK_MAX_ATTEMPTS, default ${String(DEFAULT_BACKOFF.maxAttempts)})`;

type Values = Record<string, string | boolean | undefined>;
type Env = Readonly<Record<string, string | undefined>>;

function whole(text: string | undefined, source: string, max: number): number | null | string {
  if (text === undefined || text === '') return null;
  const n = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 1 && n <= max)) {
    return `${source} must be a whole number from 1 to ${String(max)}, got "${text}"`;
  }
  return n;
}

/** The webhook settings the flags change, or a message naming the bad flag. */
export function parseWebhookFlags(values: Values, env: Env): Partial<WebhookSettings> | string {
  const allowLocal =
    values['webhooks-allow-local'] === true || env.RELAY_WEBHOOKS_ALLOW_LOCAL === '1';
  const debounceFlag = values['webhook-debounce-seconds'];
  const debounce = whole(
    typeof debounceFlag === 'string' ? debounceFlag : env.RELAY_WEBHOOK_DEBOUNCE_SECONDS,
    typeof debounceFlag === 'string'
      ? '--webhook-debounce-seconds'
      : 'RELAY_WEBHOOK_DEBOUNCE_SECONDS',
    86_400,
  );
  if (typeof debounce === 'string') return debounce;
  const attemptsFlag = values['webhook-max-attempts'];
  const attempts = whole(
    typeof attemptsFlag === 'string' ? attemptsFlag : env.RELAY_WEBHOOK_MAX_ATTEMPTS,
    typeof attemptsFlag === 'string' ? '--webhook-max-attempts' : 'RELAY_WEBHOOK_MAX_ATTEMPTS',
    50,
  );
  if (typeof attempts === 'string') return attempts;
  return {
    ...(allowLocal ? { allowLocalTargets: true } : {}),
    ...(debounce === null ? {} : { debounceMs: debounce * 1000 }),
    ...(attempts === null ? {} : { backoff: { ...DEFAULT_BACKOFF, maxAttempts: attempts } }),
  };
}
