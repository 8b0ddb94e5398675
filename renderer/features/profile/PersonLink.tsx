import { useSyncExternalStore, type ReactNode } from 'react';
import { useT } from '../../i18n/index.ts';
import { canOpenProfiles, openProfile, subscribeOpener } from './open-profile.ts';
import './profile.css';

export interface PersonLinkProps {
  /** The person's id (their token's `sub`). */
  readonly personId: string;
  /** Their display name, for the accessible label. */
  readonly name: string;
  /** What to show; the name by default. */
  readonly children?: ReactNode;
  readonly className?: string;
}

/** A person's name that opens their profile; plain text where profiles cannot open. */
export function PersonLink({ personId, name, children, className }: PersonLinkProps) {
  const t = useT();
  const enabled = useSyncExternalStore(subscribeOpener, canOpenProfiles);
  if (!enabled) return <span className={className}>{children ?? name}</span>;
  return (
    <button
      type="button"
      className={`person-link${className === undefined ? '' : ` ${className}`}`}
      title={t('profile.openProfile', { name })}
      aria-label={t('profile.openProfile', { name })}
      onClick={(event) => {
        event.stopPropagation();
        openProfile(personId);
      }}
    >
      {children ?? name}
    </button>
  );
}
