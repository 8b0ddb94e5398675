// The automerge-paper editing trace (../shared/data/README.md): every
// keystroke of a real paper, used as a realistic stream of small updates.
// It is read from its path at run time and never committed (handbook §4).
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

/** [position, deleteCount, inserted text], in UTF-16 code units. */
export type Patch = readonly [position: number, deleteCount: number, insert: string];

export interface Trace {
  startContent: string;
  endContent: string;
  txns: { time: string; patches: Patch[] }[];
}

const count = z.number().int().nonnegative();
const traceSchema = z.object({
  startContent: z.string(),
  endContent: z.string(),
  txns: z.array(
    z.object({ time: z.string(), patches: z.array(z.tuple([count, count, z.string()])) }),
  ),
});

export const DEFAULT_TRACE = '../shared/data/automerge-paper.json.gz';

/** The trace path: the --trace flag, else $COMMONPLACE_TRACE, else the default. */
export function resolveTracePath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env['COMMONPLACE_TRACE'] ?? DEFAULT_TRACE;
}

/** Reads and validates a gzipped trace; a malformed file gets an error naming the file. */
export async function readTrace(file: string): Promise<Trace> {
  let json: unknown;
  try {
    json = JSON.parse(gunzipSync(await readFile(file)).toString('utf8'));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`${file} is not a gzipped JSON trace: ${why}`, { cause: error });
  }
  const parsed = traceSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${file} does not have the trace format: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Applies one patch to a string, refusing positions outside it. */
export function applyPatch(text: string, [position, deleteCount, insert]: Patch): string {
  if (position + deleteCount > text.length) {
    throw new Error(
      `patch [${position}, ${deleteCount}] reaches past the end of a ${text.length}-unit text`,
    );
  }
  return text.slice(0, position) + insert + text.slice(position + deleteCount);
}

/** The text after the first `upTo` transactions (all of them by default). */
export function replay(trace: Trace, upTo = trace.txns.length): string {
  let text = trace.startContent;
  for (const txn of trace.txns.slice(0, upTo)) {
    for (const patch of txn.patches) text = applyPatch(text, patch);
  }
  return text;
}

/** A stream of keystrokes to send: the text they start from and the patches in order. */
export interface KeystrokeStream {
  source: string;
  prefix: string;
  patches: Patch[];
}

/**
 * `length` consecutive patches of the trace starting after transaction `offset`,
 * with the text they apply to.
 */
export function traceStream(trace: Trace, offset: number, length: number): KeystrokeStream {
  const prefix = replay(trace, offset);
  const patches = trace.txns
    .slice(offset)
    .flatMap((txn) => txn.patches)
    .slice(0, length);
  if (patches.length < length) {
    throw new Error(`the trace has only ${patches.length} patches after transaction ${offset}`);
  }
  return { source: `trace, patches ${offset}…${offset + length - 1}`, prefix, patches };
}

/**
 * A deterministic stand-in for the trace when it is absent: mostly typed
 * characters at a moving cursor, some backspaces, on a 2 KB starting text.
 */
export function syntheticStream(length: number, seed = 1): KeystrokeStream {
  let state = seed >>> 0 || 1;
  const random = (): number => {
    // xorshift32: reproducible without a dependency
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const alphabet = 'etaoinshrdlu cmfwypvbgkqjxz,.\n';
  let text = 'Meeting notes. '.repeat(137);
  const prefix = text;
  let cursor = text.length;
  const patches: Patch[] = [];
  while (patches.length < length) {
    if (random() < 0.02) cursor = Math.floor(random() * text.length);
    let patch: Patch;
    if (random() < 0.15 && cursor > 0) {
      patch = [cursor - 1, 1, ''];
      cursor -= 1;
    } else {
      const ch = alphabet[Math.floor(random() * alphabet.length)] ?? ' ';
      patch = [cursor, 0, ch];
      cursor += 1;
    }
    text = applyPatch(text, patch);
    patches.push(patch);
  }
  return { source: `synthetic (seed ${seed})`, prefix, patches };
}
