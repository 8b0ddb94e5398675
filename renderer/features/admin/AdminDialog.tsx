import { useCallback, useId, useState } from 'react';
import type { AdminApi } from '../../api/index.ts';
import { useT } from '../../i18n/index.ts';
import { Dialog } from '../../ui/index.ts';
import { AdoptionTab } from './AdoptionTab.tsx';
import { AuditTab } from './AuditTab.tsx';
import { LegalTab } from './LegalTab.tsx';
import { PeopleTab } from './PeopleTab.tsx';
import { PoliciesTab } from './PoliciesTab.tsx';
import { SpacesTab } from './SpacesTab.tsx';
import { WebhooksTab } from './WebhooksTab.tsx';
import { ClassificationTab } from '../classification/index.ts';
import { ServiceAccountsTab } from '../access-tokens/index.ts';
import './admin.css';

const TABS = [
  'audit',
  'people',
  'spaces',
  'policies',
  'classification',
  'legal',
  'webhooks',
  'serviceAccounts',
  'adoption',
] as const;
type Tab = (typeof TABS)[number];

/** Company admins' view: the audit log, people and spaces (WAI-ARIA APG tabs). */
export function AdminDialog({
  api,
  onClose,
}: {
  readonly api: AdminApi;
  readonly onClose: () => void;
}) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('audit');
  const base = useId();
  // Stable, so the service accounts tab loads the spaces once.
  const spaces = useCallback(() => api.spaces(), [api]);
  // A client without the adoption routes (older relay API object) shows no tab for them.
  const tabs = TABS.filter((name) => name !== 'adoption' || api.adoption !== undefined);
  const labels: Record<Tab, string> = {
    audit: t('admin.tabs.audit'),
    people: t('admin.tabs.people'),
    spaces: t('admin.tabs.spaces'),
    legal: t('admin.tabs.legal'),
    policies: t('admin.tabs.policies'),
    webhooks: t('admin.tabs.webhooks'),
    classification: t('classification.admin.tab'),
    serviceAccounts: t('tokens.accounts.tab'),
    adoption: t('adoption.tab'),
  };
  return (
    <Dialog title={t('admin.title')} onClose={onClose} className="admin">
      <div role="tablist" aria-label={t('admin.title')} className="admin__tabs">
        {tabs.map((name, index) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${base}-${name}`}
            aria-selected={tab === name}
            aria-controls={`${base}-${name}-panel`}
            tabIndex={tab === name ? 0 : -1}
            className="admin__tab"
            onClick={() => {
              setTab(name);
            }}
            onKeyDown={(event) => {
              const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
              if (step === 0) return;
              const next = tabs[(index + step + tabs.length) % tabs.length] ?? 'audit';
              setTab(next);
              document.getElementById(`${base}-${next}`)?.focus();
            }}
          >
            {labels[name]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-${tab}-panel`} aria-labelledby={`${base}-${tab}`}>
        {tab === 'audit' && <AuditTab api={api} />}
        {tab === 'people' && <PeopleTab api={api} />}
        {tab === 'spaces' && <SpacesTab api={api} />}
        {tab === 'legal' && <LegalTab api={api} />}
        {tab === 'policies' && <PoliciesTab />}
        {tab === 'webhooks' && api.webhooks !== undefined && <WebhooksTab api={api.webhooks} />}
        {tab === 'classification' && <ClassificationTab />}
        {tab === 'serviceAccounts' && api.serviceAccounts !== undefined && (
          <ServiceAccountsTab api={api.serviceAccounts} spaces={spaces} />
        )}
        {tab === 'adoption' && api.adoption !== undefined && (
          <AdoptionTab api={api} adoption={api.adoption} />
        )}
      </div>
    </Dialog>
  );
}
