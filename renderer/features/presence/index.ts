export { ConnectionIndicator } from './ConnectionIndicator.tsx';
export { PresenceBar } from './PresenceBar.tsx';
