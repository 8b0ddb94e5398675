import { useSyncExternalStore } from 'react';
import { useT } from '../i18n/index.ts';
import { IconButton } from './Button.tsx';
import { currentToasts, dismissToast, subscribeToasts } from './toast.ts';
import './toast.css';

/** Where toasts appear: a polite live region at the bottom corner. */
export function Toaster() {
  const t = useT();
  const toasts = useSyncExternalStore(subscribeToasts, currentToasts);
  return (
    <section className="toaster" aria-live="polite" aria-label={t('ui.notifications')}>
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast--${toast.tone}`} role="status">
          <span className="toast__message">{toast.message}</span>
          <IconButton
            label={t('ui.dismiss')}
            onClick={() => {
              dismissToast(toast.id);
            }}
          >
            ×
          </IconButton>
        </div>
      ))}
    </section>
  );
}
