import { useCallback, useState } from 'react';
import { RoleSchema, type Role } from '../../../shared/api.ts';
import type { MembersApi } from '../../api/index.ts';
import { Dialog, Button } from '../../ui/index.ts';
import { PeoplePicker } from './PeoplePicker.tsx';
import { personLabel, useMembers } from './use-members.ts';
import { useT } from '../../i18n/index.ts';
import './members.css';

const ROLES = RoleSchema.options;

export interface MembersDialogProps {
  readonly api: MembersApi;
  readonly spaceId: string;
  readonly spaceName: string;
  /** The caller's role: only owners change membership (the relay enforces it too). */
  readonly myRole: Role | undefined;
  readonly mySub: string;
  readonly onClose: () => void;
  /** After a successful change (so the spaces list can reload the caller's own role). */
  readonly onChanged?: () => void;
}

/**
 * The members of a space. Owners invite people from the
 * directory, change roles and remove members; everyone else reads the list.
 */
export function MembersDialog(props: MembersDialogProps) {
  const { api, spaceId, spaceName, myRole, mySub, onClose } = props;
  const isOwner = myRole === 'owner';
  const t = useT();
  const roleLabel = (role: Role) => t(`members.roles.${role}`);
  const state = useMembers(api, spaceId, props.onChanged);
  const [inviteAs, setInviteAs] = useState<Role>('editor');
  // Stable, so the directory is asked again only when the query changes.
  const searchDirectory = useCallback((q: string) => api.searchDirectory(q), [api]);
  const memberIds = new Set(state.members?.map((m) => m.id));

  return (
    <Dialog
      title={t('members.title', { space: spaceName })}
      className="members"
      onClose={onClose}
      footer={<Button onClick={onClose}>{t('ui.close')}</Button>}
    >
      {!isOwner && <p className="sidebar__hint">{t('members.ownersOnly')}</p>}
      {state.error !== null && (
        <p className="sidebar__error" role="alert">
          {state.error}
        </p>
      )}
      {isOwner && (
        <div className="members__invite">
          <PeoplePicker
            search={searchDirectory}
            label={t('members.findToInvite')}
            action={(name) => t('members.invite', { name })}
            exclude={(person) => memberIds.has(person.id)}
            disabled={state.busy}
            onPick={(person) => state.setRole(person, inviteAs)}
          >
            <select
              className="input"
              aria-label={t('members.inviteAs')}
              value={inviteAs}
              onChange={(event) => {
                setInviteAs(RoleSchema.catch('editor').parse(event.target.value));
              }}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {roleLabel(role)}
                </option>
              ))}
            </select>
          </PeoplePicker>
        </div>
      )}
      {state.members === null ? (
        state.error === null && <p className="sidebar__hint">{t('members.loading')}</p>
      ) : (
        <ul className="members__list" aria-label={t('members.list')}>
          {state.members.map((member) => {
            const name = personLabel(member);
            return (
              <li key={member.id} className="members__row">
                <span className="members__who">
                  {name}
                  {member.id === mySub && t('presence.youSuffix')}
                  {member.champion === true && (
                    <span className="champion-badge">{t('members.champion')}</span>
                  )}
                  {member.email !== undefined && <small>{member.email}</small>}
                </span>
                {isOwner ? (
                  <span className="members__controls">
                    <select
                      className="input"
                      aria-label={t('members.roleOf', { name })}
                      value={member.role}
                      disabled={state.busy}
                      onChange={(event) => {
                        const role = RoleSchema.safeParse(event.target.value);
                        if (role.success) void state.setRole(member, role.data);
                      }}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {roleLabel(role)}
                        </option>
                      ))}
                    </select>
                    <Button
                      aria-label={t('members.removeNamed', { name })}
                      disabled={state.busy}
                      onClick={() => {
                        void state.remove(member);
                      }}
                    >
                      {t('members.remove')}
                    </Button>
                  </span>
                ) : (
                  <span className="members__role" data-role={member.role}>
                    {roleLabel(member.role)}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
