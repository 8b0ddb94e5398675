import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Principal } from '../../../shared/auth.ts';
import { identityFromProfile, initials } from '../../identity/index.ts';
import { LanguageSetting } from './LanguageSetting.tsx';
import { useT } from '../../i18n/index.ts';
import './account.css';
import { Button } from '../../ui/index.ts';
import { AdminDialog, useIsAdmin } from '../admin/index.ts';
import { useAdminApi, useTokensApi } from '../../services/index.ts';
import { AccessTokensDialog } from '../access-tokens/index.ts';

export interface AccountMenuProps {
  readonly profile: Principal;
  readonly onSignOut: (options: { removeLocalCopy: boolean }) => Promise<unknown>;
  /**
   * The "remove this laptop's copy" box: how it starts (the organisation's
   * default) and whether policy locks it. Absent: no box, the copy stays.
   */
  readonly removeCopy?: { readonly initial: boolean; readonly locked: boolean } | null;
  /** More settings shown in the menu (the desktop app's own). */
  readonly settings?: ReactNode;
  /** How this device keeps the person's notes (LocalDataNotice). */
  readonly storage?: ReactNode;
}

/**
 * The signed-in person's avatar (initials, colour from `sub`) opening a menu:
 * name, email, language, and sign out with the choice to remove this
 * laptop's copy of the notes.
 */
export function AccountMenu({
  profile,
  onSignOut,
  removeCopy = null,
  settings = null,
  storage = null,
}: AccountMenuProps) {
  const [open, setOpen] = useState(false);
  // Null until the person touches the box: until then it follows the policy's default.
  const [removeChoice, setRemoveChoice] = useState<boolean | null>(null);
  const removeLocalCopy =
    removeCopy === null
      ? false
      : removeCopy.locked
        ? removeCopy.initial
        : (removeChoice ?? removeCopy.initial);
  const menuId = useId();
  const boxId = useId();
  const hintId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { name, color } = identityFromProfile(profile);
  const t = useT();
  // Company admins only: the relay says who is one (its configured IdP group).
  const adminApi = useAdminApi();
  const isAdmin = useIsAdmin();
  const [adminOpen, setAdminOpen] = useState(false);
  const tokensApi = useTokensApi();
  const [tokensOpen, setTokensOpen] = useState(false);

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
          {storage}
          <LanguageSetting />
          {tokensApi !== null && (
            <Button
              onClick={() => {
                setOpen(false);
                setTokensOpen(true);
              }}
            >
              {t('tokens.menu')}
            </Button>
          )}
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
          {settings}
          {removeCopy !== null && (
            <div className="account__remove-copy">
              <input
                type="checkbox"
                id={boxId}
                checked={removeLocalCopy}
                disabled={removeCopy.locked}
                aria-describedby={hintId}
                onChange={(event) => {
                  setRemoveChoice(event.target.checked);
                }}
              />
              <label htmlFor={boxId}>{t('wipe.removeCopy')}</label>
              <span className="account__hint" id={hintId}>
                {t('wipe.removeCopyHint')}
              </span>
            </div>
          )}
          <Button
            onClick={() => {
              setOpen(false);
              void onSignOut({ removeLocalCopy });
            }}
          >
            {t('account.signOut')}
          </Button>
        </div>
      )}
      {tokensOpen && tokensApi !== null && (
        <AccessTokensDialog
          api={tokensApi}
          isAdmin={isAdmin}
          onClose={() => {
            setTokensOpen(false);
          }}
        />
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
