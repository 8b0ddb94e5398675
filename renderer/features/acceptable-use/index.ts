export { createPolicyApi, type PolicyApi } from './policy-api.ts';
export { PolicyGate, PolicyText, type PolicyGateProps } from './PolicyGate.tsx';
