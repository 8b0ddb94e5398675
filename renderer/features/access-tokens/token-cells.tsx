import type { AccessToken } from '../../../shared/access-tokens-api.ts';
import { useFormat, useT } from '../../i18n/index.ts';

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** An error worth showing, as the person reads it. */
export function failure(t: ReturnType<typeof useT>, err: unknown): string {
  return t('tokens.failed', { reason: message(err) });
}

/** Scopes, created, last used and expiry cells of a token row. */
export function TokenCells({ token }: { readonly token: AccessToken }) {
  const t = useT();
  const format = useFormat();
  return (
    <>
      <td>{token.scopes.map((s) => t(`tokens.scope.${s}`)).join(', ')}</td>
      <td>{format.date(token.createdAt, 'dateTime')}</td>
      <td>
        {token.lastUsedAt === null
          ? t('tokens.notUsed')
          : format.date(token.lastUsedAt, 'dateTime')}
      </td>
      <td>{token.expiresAt === null ? t('tokens.never') : format.date(token.expiresAt, 'date')}</td>
    </>
  );
}
