import { useState } from 'react';
import type { Expert } from '../../../shared/knowledge-api.ts';
import type { RoomName } from '../../../shared/wire.ts';
import type { KnowledgeApi } from '../../api/index.ts';
import { useT } from '../../i18n/index.ts';
import { Button, Field, TextInput } from '../../ui/index.ts';
import { PersonLink } from './PersonLink.tsx';
import { NoteList } from './ProfileView.tsx';
import './profile.css';

export interface ExpertsViewProps {
  readonly api: KnowledgeApi;
  readonly hrefFor: (room: RoomName) => string;
  readonly onOpen: (room: RoomName) => void;
}

type Result =
  | { readonly status: 'idle' }
  | { readonly status: 'searching' }
  | { readonly status: 'failed'; readonly reason: string }
  | { readonly status: 'done'; readonly experts: readonly Expert[] };

/** "Who knows about…": people ranked by the relay, each with the notes behind the rank. */
export function ExpertsView({ api, hrefFor, onOpen }: ExpertsViewProps) {
  const t = useT();
  const [q, setQ] = useState('');
  const [result, setResult] = useState<Result>({ status: 'idle' });
  return (
    <section className="experts" aria-labelledby="experts-heading">
      <h1 id="experts-heading">{t('profile.experts.heading')}</h1>
      <p>{t('profile.experts.hint')}</p>
      <form
        className="experts__form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const topic = q.trim();
          if (topic === '') return;
          setResult({ status: 'searching' });
          api.experts(topic).then(
            (experts) => {
              setResult({ status: 'done', experts });
            },
            (err: unknown) => {
              setResult({ status: 'failed', reason: String(err) });
            },
          );
        }}
      >
        <Field label={t('profile.experts.label')}>
          {(control) => (
            <TextInput
              {...control}
              type="search"
              value={q}
              placeholder={t('profile.experts.placeholder')}
              onChange={(e) => {
                setQ(e.target.value);
              }}
            />
          )}
        </Field>
        <Button type="submit" variant="primary">
          {t('profile.experts.find')}
        </Button>
      </form>
      <div aria-live="polite">
        {result.status === 'searching' && <p>{t('profile.experts.searching')}</p>}
        {result.status === 'failed' && (
          <p role="alert">{t('profile.failed', { reason: result.reason })}</p>
        )}
        {result.status === 'done' && result.experts.length === 0 && (
          <p>{t('profile.experts.empty')}</p>
        )}
      </div>
      {result.status === 'done' && result.experts.length > 0 && (
        <ol className="profile__list" aria-label={t('profile.experts.heading')}>
          {result.experts.map((e) => (
            <li key={e.id} className="experts__person">
              <PersonLink personId={e.id} name={e.name ?? e.id} className="experts__name" />
              {e.title !== null && <span className="profile__meta">{e.title}</span>}
              {e.matchedSkills.length > 0 && (
                <p>{t('profile.experts.matchedSkills', { skills: e.matchedSkills.join(', ') })}</p>
              )}
              <NoteList notes={e.evidence} hrefFor={hrefFor} onOpen={onOpen} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
