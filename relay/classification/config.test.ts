import { describe, expect, it } from 'vitest';
import { parseCli } from '../cli-args.ts';
import { isExternal } from './policy.ts';

const classification = (argv: string[], env: Record<string, string> = {}) => {
  const parsed = parseCli(argv, env, '/tmp');
  return parsed.kind === 'run' ? parsed.config.governance.classification : parsed;
};

describe('classification flags', () => {
  it('defaults to internal and to the allowed domains (null: not configured)', () => {
    expect(classification([])).toEqual({ defaultLabel: 'internal', internalDomains: null });
  });

  it('takes the default label and internal domains from flags over the environment', () => {
    expect(
      classification(['--default-classification', 'confidential'], {
        RELAY_DEFAULT_CLASSIFICATION: 'public',
        RELAY_INTERNAL_DOMAINS: 'Example.com, corp.example.org',
      }),
    ).toEqual({
      defaultLabel: 'confidential',
      internalDomains: ['example.com', 'corp.example.org'],
    });
  });

  it('refuses a label that is not an id and a domain that is not one', () => {
    expect(classification(['--default-classification', 'Top Secret'])).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('--default-classification') as unknown,
    });
    expect(classification([], { RELAY_INTERNAL_DOMAINS: 'not a domain' })).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('RELAY_INTERNAL_DOMAINS') as unknown,
    });
  });
});

describe('isExternal', () => {
  const internal = ['example.com'];
  it('counts the internal domains and their subdomains as internal', () => {
    expect(isExternal('ada@example.com', internal)).toBe(false);
    expect(isExternal('ada@EU.Example.com', internal)).toBe(false);
  });
  it('counts other domains, look-alikes and people without an address as external', () => {
    expect(isExternal('eve@partner.org', internal)).toBe(true);
    expect(isExternal('eve@badexample.com', internal)).toBe(true);
    expect(isExternal('eve@example.com.evil.org', internal)).toBe(true);
    expect(isExternal(undefined, internal)).toBe(true);
  });
  it('counts nobody as external when no internal domain is known', () => {
    expect(isExternal('eve@partner.org', [])).toBe(false);
  });
});
