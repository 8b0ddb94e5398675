import { useState } from 'react';
import type { Profile } from '../../../shared/knowledge-api.ts';
import type { KnowledgeApi } from '../../api/index.ts';
import { useT } from '../../i18n/index.ts';
import { Button, Field, showToast, TextInput } from '../../ui/index.ts';

export interface ProfileEditorProps {
  readonly api: KnowledgeApi;
  readonly profile: Profile;
  /** The saved profile, or null when cancelled. */
  readonly onDone: (saved: Profile | null) => void;
}

function split(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The person's own skills, topics and expert-finder choice (the relay accepts only their own). */
export function ProfileEditor({ api, profile, onDone }: ProfileEditorProps) {
  const t = useT();
  const [skills, setSkills] = useState(profile.skills.join(', '));
  const [topics, setTopics] = useState(profile.askMeAbout.join(', '));
  const [optIn, setOptIn] = useState(profile.expertOptIn);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  return (
    <form
      className="profile__form"
      onSubmit={(event) => {
        event.preventDefault();
        setSaving(true);
        api.saveOwn({ skills: split(skills), askMeAbout: split(topics), expertOptIn: optIn }).then(
          (saved) => {
            showToast(t('profile.saved'));
            onDone(saved);
          },
          (err: unknown) => {
            setSaving(false);
            setError(String(err));
          },
        );
      }}
    >
      <Field label={t('profile.skillsField')} error={error ?? undefined}>
        {(control) => (
          <TextInput
            {...control}
            value={skills}
            onChange={(e) => {
              setSkills(e.target.value);
            }}
          />
        )}
      </Field>
      <Field label={t('profile.topicsField')}>
        {(control) => (
          <TextInput
            {...control}
            value={topics}
            onChange={(e) => {
              setTopics(e.target.value);
            }}
          />
        )}
      </Field>
      <label>
        <input
          type="checkbox"
          checked={optIn}
          onChange={(e) => {
            setOptIn(e.target.checked);
          }}
        />{' '}
        {t('profile.optIn')}
      </label>
      <div>
        <Button type="submit" variant="primary" disabled={saving}>
          {t('profile.save')}
        </Button>{' '}
        <Button
          type="button"
          onClick={() => {
            onDone(null);
          }}
        >
          {t('profile.cancel')}
        </Button>
      </div>
    </form>
  );
}
