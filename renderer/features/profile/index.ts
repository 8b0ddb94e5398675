/** Profiles and the expert finder ("Who knows about…"); PersonLink opens a profile from any name. */
export { ExpertsView, type ExpertsViewProps } from './ExpertsView.tsx';
export { PersonLink, type PersonLinkProps } from './PersonLink.tsx';
export { ProfileView, type ProfileViewProps } from './ProfileView.tsx';
export { openProfile, setProfileOpener } from './open-profile.ts';
