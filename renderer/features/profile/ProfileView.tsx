import { useEffect, useState } from 'react';
import type { Profile, ProfileNote } from '../../../shared/knowledge-api.ts';
import type { RoomName } from '../../../shared/wire.ts';
import type { KnowledgeApi } from '../../api/index.ts';
import { RelativeTime, useT } from '../../i18n/index.ts';
import { Chip } from '../../ui/index.ts';
import { ProfileEditor } from './ProfileEditor.tsx';
import './profile.css';

export interface ProfileViewProps {
  readonly api: KnowledgeApi;
  readonly personId: string;
  readonly hrefFor: (room: RoomName) => string;
  readonly onOpen: (room: RoomName) => void;
}

type Load =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly reason: string }
  | { readonly status: 'ready'; readonly profile: Profile };

/** A person's profile; their own one can be edited (skills, topics, the expert-finder choice). */
export function ProfileView({ api, personId, hrefFor, onOpen }: ProfileViewProps) {
  const t = useT();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    // The workspace keys this view by person, so a new person is a new mount.
    let live = true;
    api.profile(personId).then(
      (profile) => {
        if (live) setLoad({ status: 'ready', profile });
      },
      (err: unknown) => {
        if (live) setLoad({ status: 'failed', reason: String(err) });
      },
    );
    return () => {
      live = false;
    };
  }, [api, personId]);

  if (load.status === 'loading') return <p className="page__empty">{t('profile.loading')}</p>;
  if (load.status === 'failed') {
    return (
      <p className="page__empty" role="alert">
        {t('profile.failed', { reason: load.reason })}
      </p>
    );
  }
  const { profile } = load;
  const fact = (value: string | null) => value ?? t('profile.unknown');
  const tags = (values: readonly string[]) =>
    values.length === 0 ? (
      <p>{t('profile.none')}</p>
    ) : (
      <ul className="profile__tags">
        {values.map((v) => (
          <li key={v}>
            <Chip>{v}</Chip>
          </li>
        ))}
      </ul>
    );
  return (
    <article className="profile" aria-labelledby="profile-name">
      <h1 id="profile-name">{profile.name ?? profile.id}</h1>
      {profile.email !== null && <p>{profile.email}</p>}
      <dl className="profile__facts">
        <dt>{t('profile.title')}</dt>
        <dd>{fact(profile.title)}</dd>
        <dt>{t('profile.department')}</dt>
        <dd>{fact(profile.department)}</dd>
        <dt>{t('profile.manager')}</dt>
        <dd>{fact(profile.manager)}</dd>
        <dt>{t('profile.location')}</dt>
        <dd>{fact(profile.location)}</dd>
      </dl>
      <p>{profile.expertOptIn ? t('profile.optedIn') : t('profile.optedOut')}</p>
      {editing ? (
        <ProfileEditor
          api={api}
          profile={profile}
          onDone={(saved) => {
            setEditing(false);
            if (saved !== null) setLoad({ status: 'ready', profile: saved });
          }}
        />
      ) : (
        <>
          <h2>{t('profile.skills')}</h2>
          {tags(profile.skills)}
          <h2>{t('profile.askMeAbout')}</h2>
          {tags(profile.askMeAbout)}
          {profile.self && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setEditing(true);
              }}
            >
              {t('profile.edit')}
            </button>
          )}
        </>
      )}
      <h2>{t('profile.sharedSpaces')}</h2>
      {profile.sharedSpaces.length === 0 ? (
        <p>{t('profile.none')}</p>
      ) : (
        <ul className="profile__list">
          {profile.sharedSpaces.map((s) => (
            <li key={s.id}>{s.name}</li>
          ))}
        </ul>
      )}
      <h2>{t('profile.recentNotes')}</h2>
      <NoteList notes={profile.recentNotes} hrefFor={hrefFor} onOpen={onOpen} />
    </article>
  );
}

/** Notes with their edit and comment counts, each opening the note. */
export function NoteList({
  notes,
  hrefFor,
  onOpen,
}: {
  readonly notes: readonly ProfileNote[];
  readonly hrefFor: (room: RoomName) => string;
  readonly onOpen: (room: RoomName) => void;
}) {
  const t = useT();
  if (notes.length === 0) return <p>{t('profile.noNotes')}</p>;
  return (
    <ul className="profile__list">
      {notes.map((n) => {
        const room = { spaceId: n.spaceId, docId: n.docId };
        return (
          <li key={`${n.spaceId}/${n.docId}`}>
            <a
              href={hrefFor(room)}
              onClick={(event) => {
                event.preventDefault();
                onOpen(room);
              }}
            >
              {n.title === '' ? t('profile.untitled') : n.title}
            </a>
            <span className="profile__meta">
              {t('profile.edits', { count: n.edits })}
              {n.comments > 0 && ` · ${t('profile.comments', { count: n.comments })}`}
              {n.lastEditAt !== null && (
                <>
                  {' · '}
                  <RelativeTime value={n.lastEditAt} />
                </>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
