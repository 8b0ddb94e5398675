import type { Host, LocalDataProtection } from '../../shared/host.ts';
import { importLocalKey } from './local-crypto.ts';
import type { LocalProtection } from './local-store.ts';

/**
 * The host's answer for each person, asked once and kept for the page's
 * life: every note, the search index and the outbox of one person use the
 * same key. A host that fails to answer gets `none` (nothing stored, asked
 * again next time) rather than plain storage, so a broken bridge never
 * leads to unencrypted notes on a device that promised encryption.
 */
export interface ProtectionResolver {
  (owner: string): Promise<LocalProtection>;
  /** The host's own answer (for the UI), asked once per person too. */
  describe(owner: string): Promise<LocalDataProtection | null>;
  /** Forgets every answer: the keys were erased (the wipe) and the next one is new. */
  clear(): void;
}

export function createProtectionResolver(
  host: Pick<Host, 'localDataProtection'>,
): ProtectionResolver {
  const answers = new Map<string, Promise<LocalDataProtection | null>>();
  const keys = new Map<string, Promise<LocalProtection>>();

  const describe = (owner: string): Promise<LocalDataProtection | null> => {
    let answer = answers.get(owner);
    if (answer === undefined) {
      answer = host.localDataProtection(owner).catch(() => {
        answers.delete(owner);
        return null;
      });
      answers.set(owner, answer);
    }
    return answer;
  };

  const resolve = (owner: string): Promise<LocalProtection> => {
    let protection = keys.get(owner);
    if (protection === undefined) {
      protection = describe(owner).then(async (answer): Promise<LocalProtection> => {
        if (answer?.status === 'encrypted') {
          return { kind: 'encrypted', key: await importLocalKey(answer.key) };
        }
        if (answer?.status === 'plain') return { kind: 'plain' };
        keys.delete(owner);
        return { kind: 'none' };
      });
      keys.set(owner, protection);
    }
    return protection;
  };

  return Object.assign(resolve, {
    describe,
    clear() {
      answers.clear();
      keys.clear();
    },
  });
}
