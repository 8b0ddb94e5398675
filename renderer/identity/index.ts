export {
  IDENTITY_COLORS,
  IDENTITY_STORAGE_KEY,
  IdentitySchema,
  generateIdentity,
  loadIdentity,
  type Identity,
} from './identity.ts';
