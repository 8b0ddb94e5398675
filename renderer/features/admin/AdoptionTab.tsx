import { useEffect, useState } from 'react';
import type { AdoptionReport, AdoptionWeek } from '../../../shared/adoption-api.ts';
import type { AdminApi } from '../../api/index.ts';
import type { AdoptionApi } from '../../api/adoption-api.ts';
import { useFormat, useT } from '../../i18n/index.ts';
import { Field, Select } from '../../ui/index.ts';
import { AdoptionTrends, METRICS, valueOf } from './AdoptionTrends.tsx';
import { ChampionsSection } from './ChampionsSection.tsx';
import { weekStart } from './adoption-weeks.ts';
import './adoption.css';

const WEEK_CHOICES = [4, 8, 12, 26] as const;

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** "30 Nov 2026" for `2026-W49`, through the app's one date formatter. */
function useWeekLabel(): (week: string) => string {
  const format = useFormat();
  return (week) => {
    const monday = weekStart(week);
    return monday === null ? week : format.date(monday, 'date');
  };
}

/** Nothing recorded in any week shown: a company that has just started. */
const isEmpty = (report: AdoptionReport): boolean =>
  report.weeks.every((week) => week.departments.length === 0 && week.activeSpaces === 0);

function WeeklyTable({ weeks }: { readonly weeks: readonly AdoptionWeek[] }) {
  const t = useT();
  const format = useFormat();
  const label = useWeekLabel();
  return (
    <table className="admin__table adoption__table">
      <caption className="visually-hidden">{t('adoption.weekly')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('adoption.week')}</th>
          {METRICS.map((metric) => (
            <th key={metric} scope="col" className="adoption__num">
              {t(`adoption.${metric}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...weeks].reverse().map((week) => (
          <tr key={week.week}>
            <th scope="row">
              <time dateTime={week.week}>{label(week.week)}</time>
            </th>
            {METRICS.map((metric) => (
              <td key={metric} className="adoption__num">
                {format.number(valueOf(week, metric))}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One week's departments; suppressed ones say only that they were too small. */
function DepartmentTable({
  weeks,
  minGroupSize,
}: {
  readonly weeks: readonly AdoptionWeek[];
  readonly minGroupSize: number;
}) {
  const t = useT();
  const format = useFormat();
  const label = useWeekLabel();
  const [chosen, setChosen] = useState<string | null>(null);
  const week = weeks.find((w) => w.week === chosen) ?? weeks.at(-1);
  if (week === undefined) return null;
  return (
    <section aria-labelledby="adoption-departments" className="adoption__section">
      <h3 id="adoption-departments">{t('adoption.byDepartment')}</h3>
      <Field label={t('adoption.departmentWeek')} inline>
        {(c) => (
          <Select
            {...c}
            value={week.week}
            onChange={(e) => {
              setChosen(e.target.value);
            }}
          >
            {[...weeks].reverse().map((w) => (
              <option key={w.week} value={w.week}>
                {label(w.week)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {week.departments.length === 0 ? (
        <p>{t('adoption.noDepartments')}</p>
      ) : (
        <table className="admin__table adoption__table">
          <caption className="visually-hidden">
            {t('adoption.departmentCaption', { week: label(week.week) })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('adoption.department')}</th>
              <th scope="col" className="adoption__num">
                {t('adoption.activePeople')}
              </th>
              <th scope="col" className="adoption__num">
                {t('adoption.notesCreated')}
              </th>
              <th scope="col" className="adoption__num">
                {t('adoption.notesEdited')}
              </th>
            </tr>
          </thead>
          <tbody>
            {week.departments.map((d) => (
              <tr key={d.department ?? ''}>
                <th scope="row">{d.department ?? t('adoption.noDepartment')}</th>
                {d.suppressed ? (
                  <td colSpan={3} className="adoption__suppressed">
                    {t('adoption.fewer', { count: minGroupSize })}
                  </td>
                ) : (
                  <>
                    <td className="adoption__num">{format.number(d.figures.activePeople)}</td>
                    <td className="adoption__num">{format.number(d.figures.notesCreated)}</td>
                    <td className="adoption__num">{format.number(d.figures.notesEdited)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The figures half of the tab: weeks chosen, trends, weekly table, departments. */
function Figures({ api }: { readonly api: AdoptionApi }) {
  const t = useT();
  const [weeks, setWeeks] = useState<number>(8);
  const [report, setReport] = useState<AdoptionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.report(weeks).then(
      (answer) => {
        if (!live) return;
        setReport(answer);
        setError(null);
      },
      (err: unknown) => {
        if (live) setError(message(err));
      },
    );
    return () => {
      live = false;
    };
  }, [api, weeks]);
  return (
    <>
      <p>{t('adoption.intro', { count: report?.minGroupSize ?? 5 })}</p>
      <Field label={t('adoption.weeks')} inline>
        {(c) => (
          <Select
            {...c}
            value={String(weeks)}
            onChange={(e) => {
              setWeeks(Number(e.target.value));
            }}
          >
            {WEEK_CHOICES.map((n) => (
              <option key={n} value={String(n)}>
                {t('adoption.weeksOption', { count: n })}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {error !== null && (
        <p role="alert" className="admin__error">
          {t('adoption.failed', { reason: error })}
        </p>
      )}
      {report === null && error === null && <p>{t('adoption.loading')}</p>}
      {report !== null && isEmpty(report) && (
        <p className="adoption__empty">{t('adoption.empty')}</p>
      )}
      {report !== null && !isEmpty(report) && (
        <>
          <AdoptionTrends weeks={report.weeks} />
          <WeeklyTable weeks={report.weeks} />
          <DepartmentTable weeks={report.weeks} minGroupSize={report.minGroupSize} />
        </>
      )}
    </>
  );
}

/**
 * Company admins' Adoption tab: how many people use Commonplace per week and
 * department (the relay suppresses groups under the minimum size and leaves
 * them out of totals), and the champions they have marked.
 */
export function AdoptionTab({
  api,
  adoption,
}: {
  readonly api: Pick<AdminApi, 'people'>;
  readonly adoption: AdoptionApi;
}) {
  const t = useT();
  return (
    <div className="admin__panel adoption">
      <h3 className="adoption__heading">{t('adoption.heading')}</h3>
      <Figures api={adoption} />
      <ChampionsSection people={api} adoption={adoption} />
    </div>
  );
}
