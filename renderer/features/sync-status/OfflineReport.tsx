import { useAppStore } from '../../services/index.ts';

/** After a reconnect: the notes others changed while this person was offline (issue 5 point 6). */
export function OfflineReport() {
  const report = useAppStore((s) => s.offlineReport);
  const close = useAppStore((s) => s.setOfflineReport);
  if (report === null) return null;
  return (
    <section className="offline-report" role="status" aria-label="Changed while you were offline">
      <h2 className="offline-report__title">Changed while you were offline</h2>
      <ul>
        {report.map((change) => (
          <li key={change.roomKey}>
            <strong>{change.title}</strong> by {change.by.join(', ')}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        onClick={() => {
          close(null);
        }}
      >
        Dismiss
      </button>
    </section>
  );
}
