import { useT } from '../../i18n/index.ts';
import { useAppStore } from '../../services/index.ts';
import { Button } from '../../ui/index.ts';

/** After a reconnect: the notes others changed while this person was offline. */
export function OfflineReport() {
  const t = useT();
  const report = useAppStore((s) => s.offlineReport);
  const close = useAppStore((s) => s.setOfflineReport);
  if (report === null) return null;
  return (
    <section className="offline-report" role="status" aria-label={t('sync.changedOffline')}>
      <h2 className="offline-report__title">{t('sync.changedOffline')}</h2>
      <ul>
        {report.map((change) => (
          <li key={change.roomKey}>
            {t('sync.changedBy', { title: change.title, people: change.by.join(', ') })}
          </li>
        ))}
      </ul>
      <Button
        onClick={() => {
          close(null);
        }}
      >
        {t('sync.dismiss')}
      </Button>
    </section>
  );
}
