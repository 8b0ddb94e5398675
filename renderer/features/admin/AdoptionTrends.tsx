import type { AdoptionWeek } from '../../../shared/adoption-api.ts';
import { useFormat, useT } from '../../i18n/index.ts';

export type Metric = 'activePeople' | 'notesCreated' | 'notesEdited' | 'activeSpaces';
export const METRICS: readonly Metric[] = [
  'activePeople',
  'notesCreated',
  'notesEdited',
  'activeSpaces',
];

/** One week's value of a metric (active spaces sit beside the totals, not in them). */
export const valueOf = (week: AdoptionWeek, metric: Metric): number =>
  metric === 'activeSpaces' ? week.activeSpaces : week.total[metric];

const WIDTH = 120;
const HEIGHT = 28;

/**
 * One metric across the weeks as small SVG bars (no chart library, and SVG
 * attributes rather than inline styles, which the app's CSP forbids). The
 * picture is an image with the figures spelled out as its name, so a screen
 * reader hears the same trend.
 */
function Sparkline({
  weeks,
  metric,
}: {
  readonly weeks: readonly AdoptionWeek[];
  readonly metric: Metric;
}) {
  const t = useT();
  const format = useFormat();
  const values = weeks.map((week) => valueOf(week, metric));
  const max = Math.max(1, ...values);
  const slot = WIDTH / Math.max(1, values.length);
  const label = t('adoption.trendOf', {
    metric: t(`adoption.${metric}`),
    values: values.map((v) => format.number(v)).join(', '),
  });
  return (
    <figure className="adoption__trend">
      <figcaption>
        <span className="adoption__trend-name">{t(`adoption.${metric}`)}</span>{' '}
        <strong>{format.number(values.at(-1) ?? 0)}</strong>
      </figcaption>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        width={WIDTH}
        height={HEIGHT}
        className="adoption__spark"
      >
        <line x1={0} y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} className="adoption__axis" />
        {values.map((value, index) => {
          // A zero week keeps a hairline so the gap reads as "nothing", not as missing data.
          const height = value === 0 ? 1 : Math.max(2, (value / max) * (HEIGHT - 2));
          return (
            <rect
              key={weeks[index]?.week ?? index}
              x={index * slot + slot * 0.15}
              y={HEIGHT - height}
              width={slot * 0.7}
              height={height}
              className={
                index === values.length - 1 ? 'adoption__bar adoption__bar--now' : 'adoption__bar'
              }
            />
          );
        })}
      </svg>
    </figure>
  );
}

/** The four weekly figures as sparklines, the current week's value beside each name. */
export function AdoptionTrends({ weeks }: { readonly weeks: readonly AdoptionWeek[] }) {
  const t = useT();
  return (
    <section aria-label={t('adoption.trends')} className="adoption__trends">
      {METRICS.map((metric) => (
        <Sparkline key={metric} weeks={weeks} metric={metric} />
      ))}
    </section>
  );
}
