// The look-ups are pure and shared with the relay's REST API.
export { namesForExport, resolverForImport } from '../../../shared/markdown/people-lookup.ts';
