import { useState } from 'react';
import type { MySpace } from '../../../shared/api.ts';
import { useT } from '../../i18n/index.ts';
import { useAppStore } from '../../services/index.ts';
import type { SpacesService } from '../../spaces/index.ts';
import { Button } from '../../ui/index.ts';

/** "New space": a button that turns into a name field. */
export function NewSpaceForm({
  service,
  onCreated,
}: {
  readonly service: SpacesService;
  readonly onCreated: (space: MySpace) => void;
}) {
  const t = useT();
  const spaces = useAppStore((s) => s.spaces);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  return (
    <>
      {naming ? (
        <form
          className="sidebar__new"
          onSubmit={(event) => {
            event.preventDefault();
            void service.create(name).then((space) => {
              if (space === null) return;
              setNaming(false);
              setName('');
              onCreated(space);
            });
          }}
        >
          <input
            className="input"
            aria-label={t('spaces.name')}
            placeholder={t('spaces.name')}
            maxLength={120}
            value={name}
            autoFocus
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
          <Button type="submit" variant="primary" disabled={spaces.creating}>
            {spaces.creating ? t('spaces.creating') : t('spaces.create')}
          </Button>
          <Button
            onClick={() => {
              setNaming(false);
            }}
          >
            {t('ui.cancel')}
          </Button>
        </form>
      ) : (
        <Button
          className="sidebar__new-button"
          onClick={() => {
            setNaming(true);
          }}
        >
          {t('spaces.newSpace')}
        </Button>
      )}
      {spaces.createError !== null && (
        <p className="sidebar__error" role="alert">
          {spaces.createError}
        </p>
      )}
    </>
  );
}
