import { useContext } from 'react';
import { fragmentToMarkdown } from '../../../shared/markdown/index.ts';
import { parseRoomName } from '../../../shared/wire.ts';
import { AppServicesContext, useAppStore } from '../../services/index.ts';
import { downloadMarkdown, markdownFileName } from '../../files/index.ts';
import { noteBody } from '../../sync/index.ts';
import { useT } from '../../i18n/index.ts';
import { Button } from '../../ui/index.ts';

/**
 * Edits the relay refused (the person was removed or made a viewer while
 * offline): said clearly, with the note's title, and kept; the person can
 * export them as Markdown. Nothing is deleted locally.
 */
export function RefusedEdits() {
  const t = useT();
  const refused = useAppStore((s) => s.refused);
  const dismiss = useAppStore((s) => s.dismissRefused);
  const services = useContext(AppServicesContext);
  if (refused.length === 0) return null;
  return (
    <section className="refused-edits" role="alert" aria-label={t('sync.refusedLabel')}>
      {refused.map((entry) => (
        <div key={entry.roomKey} className="refused-edits__item">
          <p>
            {t('sync.refusedBefore')}
            <strong>{entry.title}</strong>
            {t('sync.refusedAfter', { reason: entry.reason })}
          </p>
          <Button
            onClick={() => {
              const room = parseRoomName(entry.roomKey);
              if (!room || !services) return;
              void services.registry.readLocal(room).then((doc) => {
                downloadMarkdown(
                  document,
                  markdownFileName(entry.title),
                  fragmentToMarkdown(noteBody(doc)),
                );
                doc.destroy();
              });
            }}
          >
            {t('sync.exportMine')}
          </Button>
          <Button
            onClick={() => {
              dismiss(entry.roomKey);
            }}
          >
            {t('sync.dismiss')}
          </Button>
        </div>
      ))}
    </section>
  );
}
