export {
  IDENTITY_COLORS,
  colorForSub,
  identityFromProfile,
  initials,
  type Identity,
} from './identity.ts';
