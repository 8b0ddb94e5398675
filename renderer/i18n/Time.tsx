import { useTranslation } from 'react-i18next';
import { formatDate, formatDay, formatRelative, parseDay } from './format.ts';
import { i18n } from './i18n.ts';

/** Formatters bound to the UI language; components re-render when it changes. */
export function useFormat() {
  const { i18n: instance } = useTranslation(undefined, { i18n });
  const locale = instance.resolvedLanguage ?? instance.language;
  return {
    locale,
    date: (value: Date | number, style?: Parameters<typeof formatDate>[2]) =>
      formatDate(value, locale, style),
    relative: (value: Date | number, now = Date.now()) => formatRelative(value, now, locale),
    day: (iso: string, now = Date.now()) => formatDay(iso, now, locale),
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
  };
}

/**
 * A moment shown relative ("5 minutes ago") with the absolute date and time
 * on hover and in the machine-readable attribute.
 */
export function RelativeTime({
  value,
  className,
}: {
  readonly value: number;
  readonly className?: string;
}) {
  const format = useFormat();
  const absolute = format.date(value, 'dateTime');
  return (
    <time className={className} dateTime={new Date(value).toISOString()} title={absolute}>
      {format.relative(value)}
    </time>
  );
}

/** A calendar day (a due date): "tomorrow", "Mon, 7 Dec". */
export function DayTime({ iso, className }: { readonly iso: string; readonly className?: string }) {
  const format = useFormat();
  const day = parseDay(iso);
  return (
    <time className={className} dateTime={iso} title={day ? format.date(day, 'date') : undefined}>
      {format.day(iso)}
    </time>
  );
}
