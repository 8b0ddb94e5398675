import { describe, expect, it } from 'vitest';
import { environmentLayer, policyEnvironment } from './environment.ts';

describe('policyEnvironment', () => {
  it('fills unset variables from policy defaults and replaces them with enforced values', () => {
    const env = policyEnvironment(
      { COMMONPLACE_RELAY_URL: 'wss://mine.example', COMMONPLACE_SCOPE: 'mine', HOME: '/h' },
      {
        enforced: { relayUrl: 'wss://company.example', resourceIndicator: false },
        defaults: { scope: 'company', clientId: 'company-client' },
      },
    );
    expect(env).toEqual({
      HOME: '/h',
      COMMONPLACE_RELAY_URL: 'wss://company.example',
      COMMONPLACE_RESOURCE_INDICATOR: 'false',
      COMMONPLACE_SCOPE: 'mine',
      COMMONPLACE_CLIENT_ID: 'company-client',
    });
  });
});

describe('environmentLayer', () => {
  it('reads the settings the environment sets', () => {
    expect(
      environmentLayer({
        COMMONPLACE_ISSUER: ' https://idp.example ',
        COMMONPLACE_RESOURCE_INDICATOR: 'FALSE',
        COMMONPLACE_SCOPE: '',
      }),
    ).toEqual({ issuer: 'https://idp.example', resourceIndicator: false });
  });
});
