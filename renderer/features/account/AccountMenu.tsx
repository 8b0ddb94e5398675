import { useEffect, useId, useRef, useState } from 'react';
import type { Principal } from '../../../shared/auth.ts';
import { identityFromProfile, initials } from '../../identity/index.ts';
import { LanguageSetting } from './LanguageSetting.tsx';
import { useT } from '../../i18n/index.ts';
import './account.css';
import { Button } from '../../ui/index.ts';
import { AdminDialog, useIsAdmin } from '../admin/index.ts';
import { useAdminApi } from '../../services/index.ts';

export interface AccountMenuProps {
  readonly profile: Principal;
  readonly onSignOut: () => Promise<unknown>;
}

/** The signed-in person's avatar (initials, colour from `sub`) opening a menu: name, email, sign out. */
export function AccountMenu({ profile, onSignOut }: AccountMenuProps) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { name, color } = identityFromProfile(profile);
  const t = useT();
  // Company admins only: the relay says who is one (its configured IdP group).
  const adminApi = useAdminApi();
  const isAdmin = useIsAdmin();
  const [adminOpen, setAdminOpen] = useState(false);

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      // The focused control disappears with the panel: give focus back to the avatar.
      if (root.current?.contains(document.activeElement)) button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="account" ref={root}>
      <button
        type="button"
        ref={button}
        className="account__button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => {
          setOpen((o) => !o);
        }}
      >
        <span className="avatar" aria-hidden="true" style={{ backgroundColor: color }}>
          {initials(name)}
        </span>
        {/* The name as text rather than aria-label: a label that leaves out
            the visible initials confuses people who speak a button's name. */}
        <span className="visually-hidden">{t('account.label', { name })}</span>
      </button>
      {open && (
        <div className="account__menu" id={menuId}>
          <p className="account__name">{name}</p>
          {profile.email !== undefined && <p className="account__email">{profile.email}</p>}
          <LanguageSetting />
          {isAdmin && adminApi !== null && (
            <Button
              onClick={() => {
                setOpen(false);
                setAdminOpen(true);
              }}
            >
              {t('admin.menu')}
            </Button>
          )}
          <Button
            onClick={() => {
              setOpen(false);
              void onSignOut();
            }}
          >
            {t('account.signOut')}
          </Button>
        </div>
      )}
      {adminOpen && adminApi !== null && (
        <AdminDialog
          api={adminApi}
          onClose={() => {
            setAdminOpen(false);
          }}
        />
      )}
    </div>
  );
}
