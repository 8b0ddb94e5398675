import { useContext } from 'react';
import { fragmentToMarkdown } from '../../../shared/markdown/index.ts';
import { parseRoomName } from '../../../shared/wire.ts';
import { AppServicesContext, useAppStore } from '../../services/index.ts';
import { noteBody } from '../../sync/index.ts';

/** Saves `text` as a file through a Blob link (no server round trip). */
export function downloadText(doc: Document, filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

function fileName(title: string): string {
  const safe = title
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .trim()
    .slice(0, 80);
  return `${safe || 'note'}.md`;
}

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
                downloadText(document, fileName(entry.title), fragmentToMarkdown(noteBody(doc)));
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
