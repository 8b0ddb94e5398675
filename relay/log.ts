/**
 * Structured logging for the relay: one JSON object per line. Fields are
 * room names, counts and codes only; callers never pass tokens, URLs with
 * query strings or document content, since logs travel to places (log
 * shippers, support tickets) where a bearer token would be usable by anyone.
 * As a second line of defence the writer redacts what looks like a secret:
 * fields named like one, JSON Web Tokens, `token=` query parameters and
 * passwords in URLs.
 */
import type { Writable } from 'node:stream';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** What every relay stage logs through. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const RANK: Readonly<Record<LogLevel, number>> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A logger that drops everything: the default when the relay is embedded (tests, `npm start`). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * Writes JSON lines `{"time","level","msg",...fields}` to `out` for levels at
 * or above `minLevel`. Reserved keys cannot be overwritten by fields.
 */
export function createJsonLogger(out: Writable, minLevel: LogLevel = 'info'): Logger {
  const min = RANK[minLevel];
  const write = (level: LogLevel, msg: string, fields?: LogFields): void => {
    if (RANK[level] < min) return;
    const line = {
      ...redactFields(fields),
      time: new Date().toISOString(),
      level,
      msg: redact(msg),
    };
    out.write(`${JSON.stringify(line)}\n`);
  };
  return {
    debug: (msg, fields) => {
      write('debug', msg, fields);
    },
    info: (msg, fields) => {
      write('info', msg, fields);
    },
    warn: (msg, fields) => {
      write('warn', msg, fields);
    },
    error: (msg, fields) => {
      write('error', msg, fields);
    },
  };
}

/** A short, content-free description of a thrown value for logs. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Field names whose values are secrets whatever they look like. */
const SECRET_NAME = /token|secret|password|authorization|cookie|credential/i;
/** A JSON Web Token: three base64url parts, the first two JSON objects (`eyJ`). */
const JWT = /eyJ[\w-]*\.eyJ[\w-]*\.[\w-]*/g;
const TOKEN_PARAM = /([?&](?:token|access_token)=)[^&\s"]+/gi;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@/\s]+@/gi;

/** `text` with anything that looks like a secret replaced by `[redacted]`. */
export function redact(text: string): string {
  return text
    .replace(JWT, '[redacted]')
    .replace(TOKEN_PARAM, '$1[redacted]')
    .replace(URL_PASSWORD, '$1[redacted]@');
}

function redactFields(fields: LogFields | undefined): LogFields | undefined {
  if (fields === undefined) return undefined;
  const out: Record<string, string | number | boolean | null | undefined> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_NAME.test(key) && value !== null && value !== undefined) out[key] = '[redacted]';
    else out[key] = typeof value === 'string' ? redact(value) : value;
  }
  return out;
}
