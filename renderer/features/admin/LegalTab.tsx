import { useCallback, useEffect, useState } from 'react';
import type { AdminSpace } from '../../../shared/admin-api.ts';
import type { LegalHold, RetentionSettings } from '../../../shared/legal-api.ts';
import type { AdminApi } from '../../api/index.ts';
import { HoldsSection } from './HoldsSection.tsx';
import { RetentionSection } from './RetentionSection.tsx';

/** Retention settings, legal holds and eDiscovery export (the relay enforces all of it). */
export function LegalTab({ api }: { readonly api: AdminApi }) {
  const [settings, setSettings] = useState<RetentionSettings | null>(null);
  const [holds, setHolds] = useState<LegalHold[]>([]);
  const [spaces, setSpaces] = useState<AdminSpace[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const onError = useCallback((err: unknown) => {
    setError(err instanceof Error ? err.message : String(err));
  }, []);

  const reload = useCallback(() => {
    api.legal.retention().then(setSettings, onError);
    api.legal.holds().then(setHolds, onError);
    api.spaces().then(setSpaces, onError);
  }, [api, onError]);
  useEffect(reload, [reload]);

  return (
    <div className="admin__panel">
      {error !== null && (
        <p role="alert" className="admin__error">
          {error}
        </p>
      )}
      <p role="status">{done}</p>
      {settings !== null && (
        <RetentionSection
          api={api.legal}
          settings={settings}
          spaces={spaces}
          onChange={(next, message) => {
            setSettings(next);
            setError(null);
            setDone(message);
          }}
          onError={onError}
        />
      )}
      <HoldsSection
        api={api.legal}
        holds={holds}
        spaces={spaces}
        onChange={(message) => {
          setError(null);
          setDone(message);
          reload();
        }}
        onError={onError}
      />
    </div>
  );
}
