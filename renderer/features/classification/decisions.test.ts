import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLASSIFICATION_LABELS,
  type ClassificationResponse,
} from '../../../shared/classification-api.ts';
import { copyGuardHandlers } from './copy-guard.ts';
import {
  copyOutAllowed,
  localDatabasesToRemove,
  offlineAllowed,
  onlineOnlySpaces,
} from './decisions.ts';

const data: ClassificationResponse = {
  labels: [...DEFAULT_CLASSIFICATION_LABELS],
  defaultLabel: 'internal',
  spaces: { open: 'internal', secret: 'restricted', conf: 'confidential' },
};

describe('classification decisions', () => {
  it('blocks copy-out and offline copies only where the label says so', () => {
    expect(copyOutAllowed(data, 'secret')).toBe(false);
    expect(offlineAllowed(data, 'secret')).toBe(false);
    expect(copyOutAllowed(data, 'conf')).toBe(true);
    expect(offlineAllowed(data, 'conf')).toBe(true);
    expect(onlineOnlySpaces(data)).toEqual(['secret']);
  });

  it('applies the default label to a space not yet listed, and allows all while nothing is known', () => {
    const strict = { ...data, defaultLabel: 'restricted' };
    expect(offlineAllowed(strict, 'brand-new')).toBe(false);
    expect(copyOutAllowed(null, 'anything')).toBe(true);
    expect(onlineOnlySpaces(null)).toEqual([]);
  });

  it('removes only the online-only space’s databases of the signed-in person', () => {
    const names = [
      'commonplace/ada%40x/secret/n1',
      'commonplace/ada%40x/secret/index',
      'commonplace/ada%40x/secretive/n1',
      'commonplace/ada%40x/open/n1',
      'commonplace/grace/secret/n1',
      'commonplace-search/ada%40x',
    ];
    expect(localDatabasesToRemove(names, 'ada@x', ['secret'])).toEqual([
      'commonplace/ada%40x/secret/n1',
      'commonplace/ada%40x/secret/index',
    ]);
  });
});

describe('copy guard', () => {
  const event = (type: string) => new Event(type, { cancelable: true });

  it('lets copy, cut and drag through when the label allows copy-out', () => {
    const handlers = copyGuardHandlers(() => true);
    const e = event('copy');
    expect(handlers.copy(null, e)).toBe(false);
    expect(e.defaultPrevented).toBe(false);
  });

  it('stops copy, cut and drag (and ProseMirror’s own handler) when it forbids it', () => {
    const handlers = copyGuardHandlers(() => false);
    for (const kind of ['copy', 'cut', 'dragstart'] as const) {
      const e = event(kind);
      expect(handlers[kind](null, e)).toBe(true);
      expect(e.defaultPrevented).toBe(true);
    }
    // Paste is not among the guarded events.
    expect(Object.keys(handlers)).not.toContain('paste');
  });
});
