import { currentLanguage, formatNumber, t } from '../../i18n/index.ts';
import { sniffImageType } from '../../../shared/files-api.ts';

// What may go into a note, checked before anything is kept or uploaded (the
// relay checks again: shared/files-api.ts, relay/http/routes-files.ts).

const MiB = 1024 * 1024;

function mib(bytes: number): string {
  const size = formatNumber(Math.round((bytes / MiB) * 10) / 10, currentLanguage());
  return t('images.megabytes', { size });
}

/** The message for an image of `size` bytes over `maxBytes`. */
export function tooLarge(size: number, maxBytes: number): string {
  return t('images.tooLarge', { size: mib(size), max: mib(maxBytes) });
}

/** The message for an image larger than what its space may still store. */
export function noRoomLeft(bytesLeft: number): string {
  return t('images.noRoom', { left: mib(bytesLeft) });
}

/** Why an image cannot go into a note (too large, not a PNG/JPEG/GIF/WebP), or null. */
export function refuseImage(
  bytes: Uint8Array,
  declaredType: string,
  maxBytes: number,
): { message: string } | null {
  if (bytes.byteLength > maxBytes) return { message: tooLarge(bytes.byteLength, maxBytes) };
  if (sniffImageType(bytes) !== null) return null;
  return {
    message: declaredType === 'image/svg+xml' ? t('images.svg') : t('images.onlyTypes'),
  };
}

/** `message` ending as a sentence (a relay's message may lack the full stop). */
export function sentence(message: string): string {
  const text = message.trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
