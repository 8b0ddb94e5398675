import { describe, expect, it } from 'vitest';
import { parseKnowledgeFlags } from './cli-flags.ts';

describe('--expert-finder-default', () => {
  it('is out by default; the flag wins over the environment; anything else is refused', () => {
    expect(parseKnowledgeFlags({}, {})).toEqual({ expertDefaultOptIn: false });
    expect(parseKnowledgeFlags({}, { RELAY_EXPERT_FINDER_DEFAULT: 'in' })).toEqual({
      expertDefaultOptIn: true,
    });
    expect(
      parseKnowledgeFlags(
        { 'expert-finder-default': 'out' },
        { RELAY_EXPERT_FINDER_DEFAULT: 'in' },
      ),
    ).toEqual({ expertDefaultOptIn: false });
    expect(parseKnowledgeFlags({ 'expert-finder-default': 'yes' }, {})).toMatch(
      /--expert-finder-default must be "in" or "out"/,
    );
  });
});
