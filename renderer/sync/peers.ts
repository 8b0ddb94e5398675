import { z } from 'zod';
import { t } from '../i18n/index.ts';
import type { Peer } from '../store/index.ts';

/**
 * The `user` field other clients put in awareness. It comes from the network,
 * so it is validated before it reaches the UI; a bad one shows as anonymous.
 */
export const AwarenessUserSchema = z.object({
  name: z.string().trim().min(1).max(64),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  /** The person's id, so their name can open their profile (a link only: it grants nothing). */
  sub: z.string().min(1).max(255).optional(),
});
export type AwarenessUser = z.infer<typeof AwarenessUserSchema>;

/** In the UI language at the time it is shown, hence a function. */
const anonymous = (): AwarenessUser => ({ name: t('presence.anonymous'), color: '#8b8d98' });

/** People present, self first, then by name, derived from awareness states. */
export function derivePeers(
  states: ReadonlyMap<number, Record<string, unknown>>,
  selfId: number,
): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    const parsed = AwarenessUserSchema.safeParse(state['user']);
    const user = parsed.success ? parsed.data : anonymous();
    peers.push({
      clientId,
      name: user.name,
      color: user.color,
      isSelf: clientId === selfId,
      ...(user.sub === undefined ? {} : { sub: user.sub }),
    });
  }
  return peers.sort(
    (a, b) =>
      Number(b.isSelf) - Number(a.isSelf) ||
      a.name.localeCompare(b.name) ||
      a.clientId - b.clientId,
  );
}

/** Equal lists need no store update (awareness changes on every remote cursor move). */
export function samePeers(a: readonly Peer[], b: readonly Peer[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i];
      return (
        q !== undefined &&
        p.clientId === q.clientId &&
        p.name === q.name &&
        p.color === q.color &&
        p.sub === q.sub &&
        p.isSelf === q.isSelf
      );
    })
  );
}
