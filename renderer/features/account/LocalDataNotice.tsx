import { useEffect, useState } from 'react';
import type { Host, LocalDataProtection } from '../../../shared/host.ts';
import { useT } from '../../i18n/index.ts';

/**
 * One plain sentence in the account menu on how this device keeps the
 * person's notes, search index and unsent changes: encrypted under the
 * system's key store, in the browser's storage without encryption (and where
 * to get encryption), without encryption because the system offers no key
 * store and the organisation allows that, or not at all because it does not.
 */
export function LocalDataNotice({
  host,
  owner,
}: {
  readonly host: Pick<Host, 'localDataProtection'>;
  readonly owner: string;
}) {
  const t = useT();
  const [status, setStatus] = useState<LocalDataProtection | null>(null);
  useEffect(() => {
    let live = true;
    host.localDataProtection(owner).then(
      (answer) => {
        if (live) setStatus(answer);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host, owner]);
  if (status === null) return null;
  const text =
    status.status === 'encrypted'
      ? t('account.storageEncrypted')
      : status.status === 'plain'
        ? status.fallback === 'no-keyring'
          ? t('localData.plainNoKeyring')
          : status.fallback === 'no-encryption'
            ? t('localData.plainNoEncryption')
            : t('account.storagePlain')
        : status.reason === 'no-keyring'
          ? t('account.storageNoKeyring')
          : t('account.storageNoEncryption');
  return (
    <p
      className="account__storage"
      data-storage={status.status === 'plain' && status.fallback ? 'plain-fallback' : status.status}
    >
      {text}
    </p>
  );
}
