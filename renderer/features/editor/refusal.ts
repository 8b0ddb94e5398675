import { t } from '../../i18n/index.ts';
import { CloseCode } from '../../../shared/wire.ts';

/** Why the relay refused a room for good (close codes of shared/wire.ts), in a few words. */
export function refusal(code: number, reason: string): string {
  const why =
    code === CloseCode.Unauthorized
      ? t('editor.refusal.unauthorized')
      : code === CloseCode.Forbidden
        ? t('editor.refusal.forbidden')
        : code === CloseCode.InvalidRoom
          ? t('editor.refusal.invalidRoom')
          : t('editor.refusal.closed', { code });
  return reason ? `${why}: ${reason}` : why;
}

/** The sentence shown in place of a note the relay refused. */
export function refusalMessage(code: number, reason: string): string {
  return t('editor.refused', { reason: refusal(code, reason) });
}
