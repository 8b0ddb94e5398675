// The sample policy files in build/policy/ are what administrators copy, so
// each must pass the same schema the app applies, and the Group Policy
// template must offer every setting there is.
import { readFileSync } from 'node:fs';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { ManagedPolicySchema, SETTING_KEYS } from '../../shared/policy.ts';
import { parsePlistPolicy } from './plist-policy.ts';

const read = (name: string): string =>
  readFileSync(new URL(`../../build/policy/${name}`, import.meta.url), 'utf8');

describe('sample policies', () => {
  it('each sample states localDataEncryption, the setting an auditor asks about first', () => {
    for (const name of [
      'policy.json',
      'commonplace.reg',
      'org.commonplace.desktop.plist',
      'Commonplace.mobileconfig',
      'admx/Commonplace.admx',
    ]) {
      expect(read(name), name).toMatch(/localDataEncryption/);
    }
    const policy = ManagedPolicySchema.parse(JSON.parse(read('policy.json')));
    expect(policy.enforced.localDataEncryption).toBe('required');
  });

  it('policy.json passes the schema', () => {
    expect(ManagedPolicySchema.safeParse(JSON.parse(read('policy.json'))).success).toBe(true);
  });

  it('the managed preferences plist passes the schema', () => {
    const result = ManagedPolicySchema.safeParse(
      parsePlistPolicy(read('org.commonplace.desktop.plist')),
    );
    expect(result.error).toBeUndefined();
  });

  it('the .mobileconfig carries one valid payload for the app’s bundle id', () => {
    const profile = plist.parse(read('Commonplace.mobileconfig')) as {
      PayloadContent: plist.PlistObject[];
    };
    const payloads = profile.PayloadContent.filter(
      (p) => p['PayloadType'] === 'org.commonplace.desktop',
    );
    expect(payloads).toHaveLength(1);
    // macOS drops the Payload* keys when it writes the managed preferences.
    const settings: plist.PlistObject = Object.fromEntries(
      Object.entries(payloads[0] ?? {}).filter(([key]) => !key.startsWith('Payload')),
    );
    const result = ManagedPolicySchema.safeParse(parsePlistPolicy(plist.build(settings)));
    expect(result.error).toBeUndefined();
  });

  it('the ADMX template offers every setting, enforced, and its ADML names each string', () => {
    const admx = read('admx/Commonplace.admx');
    const adml = read('admx/en-US/Commonplace.adml');
    const enforced = [
      ...admx.matchAll(
        /<policy name="([A-Za-z]+)" class="Machine"[^>]*key="Software\\Policies\\Commonplace"/g,
      ),
    ].map((m) => m[1]);
    expect(enforced.toSorted()).toEqual([...SETTING_KEYS].sort());
    const referenced = new Set([...admx.matchAll(/\$\(string\.([A-Za-z_]+)\)/g)].map((m) => m[1]));
    const defined = new Set([...adml.matchAll(/<string id="([A-Za-z_]+)">/g)].map((m) => m[1]));
    expect([...referenced].filter((id) => !defined.has(id))).toEqual([]);
    const presentations = [...admx.matchAll(/\$\(presentation\.([A-Za-z_]+)\)/g)].map((m) => m[1]);
    for (const id of presentations) expect(adml).toContain(`<presentation id="${String(id)}">`);
  });
});
