/**
 * The classification store's contract (label list, space labels, refusing to
 * drop a label in use), run against SQLite and PostgreSQL.
 */
import { expect, it } from 'vitest';
import {
  DEFAULT_CLASSIFICATION_LABELS,
  type ClassificationLabel,
} from '../../shared/classification-api.ts';
import { describeStores } from '../db/test-databases.ts';
import type { RelayStores } from '../db/stores.ts';

const SECRET: ClassificationLabel = {
  id: 'secret',
  name: 'Secret',
  colour: 'purple',
  exportAllowed: false,
  copyOutAllowed: true,
  externalSharingAllowed: false,
  offlineAllowed: true,
};

describeStores('ClassificationStore', (h) => {
  const reopen = (): Promise<RelayStores> => h.reopen();
  it('keeps the list and space labels across a reopen', async () => {
    await h.newLocation();
    const first = (await reopen()).classification;
    expect(await first.labels()).toBeNull();
    expect(await first.spaceLabel('s1')).toBeNull();
    expect(await first.setLabels([...DEFAULT_CLASSIFICATION_LABELS, SECRET])).toBeNull();
    await first.setSpaceLabel('s1', 'secret', 1000);
    await first.setSpaceLabel('s2', 'public', 1000);
    await first.setSpaceLabel('s2', 'restricted', 2000);
    await h.closeAll();

    const again = (await reopen()).classification;
    expect((await again.labels())?.map((l) => l.id)).toEqual([
      'public',
      'internal',
      'confidential',
      'restricted',
      'secret',
    ]);
    expect((await again.labels())?.at(-1)).toEqual(SECRET);
    expect(await again.spaceLabel('s1')).toBe('secret');
    expect(await again.spaceLabel('s2')).toBe('restricted');
    expect(await again.spaceLabels(['s1', 's2', 's3'])).toEqual(
      new Map([
        ['s1', 'secret'],
        ['s2', 'restricted'],
      ]),
    );
  });

  it('refuses a list that drops a label some space carries, and keeps the old one', async () => {
    await h.newLocation();
    const store = (await reopen()).classification;
    await store.setLabels([...DEFAULT_CLASSIFICATION_LABELS, SECRET]);
    await store.setSpaceLabel('s1', 'secret', 1);
    expect(await store.setLabels(DEFAULT_CLASSIFICATION_LABELS)).toEqual({ inUse: 'secret' });
    expect((await store.labels())?.length).toBe(5);
    await store.setSpaceLabel('s1', 'internal', 2);
    expect(await store.setLabels(DEFAULT_CLASSIFICATION_LABELS)).toBeNull();
    expect((await store.labels())?.length).toBe(4);
  });

  it('reads a corrupt stored list as an error, never as a looser policy', async () => {
    await h.newLocation();
    await (await reopen()).classification.setLabels(DEFAULT_CLASSIFICATION_LABELS);
    await h.location.sql(
      'classification.sqlite',
      `UPDATE classification_labels SET labels = '[{"id":"x"}]'`,
    );
    await expect(async () => {
      await (await reopen()).classification.labels();
    }).rejects.toThrow();
  });
});
