import { useContext } from 'react';
import { fragmentToMarkdown } from '../../../shared/markdown/index.ts';
import { parseRoomName } from '../../../shared/wire.ts';
import { AppServicesContext, useAppStore } from '../../services/index.ts';
import { downloadMarkdown, markdownFileName } from '../../files/index.ts';
import { noteBody } from '../../sync/index.ts';

/**
 * Edits the relay refused (the person was removed or made a viewer while
 * offline): said clearly, with the note's title, and kept; the person can
 * export them as Markdown (issue 5 point 5). Nothing is deleted locally.
 */
export function RefusedEdits() {
  const refused = useAppStore((s) => s.refused);
  const dismiss = useAppStore((s) => s.dismissRefused);
  const services = useContext(AppServicesContext);
  if (refused.length === 0) return null;
  return (
    <section className="refused-edits" role="alert" aria-label="Changes the relay refused">
      {refused.map((entry) => (
        <div key={entry.roomKey} className="refused-edits__item">
          <p>
            Your changes to <strong>{entry.title}</strong> were not saved on the relay (
            {entry.reason}). They are kept on this device.
          </p>
          <button
            type="button"
            className="button"
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
            Export my changes as Markdown
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              dismiss(entry.roomKey);
            }}
          >
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
