/** The progress figures per child region; a row links one level down until the grids. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from './format.js';
import { progressHash } from './hash-route.js';
import type { ProgressRow } from './task-types.js';
import { useLanguage } from './use-language.js';

/** Props of {@link ProgressTable}. */
export interface ProgressTableProps {
  /** Code of the region whose children these are. */
  readonly regionCode: string;
  readonly rows: readonly ProgressRow[];
  /** The drill-down path to the region whose children these are. */
  readonly trail: readonly string[];
}

/** A table: region, open, done today, overdue, median hours to control. */
export function ProgressTable({ regionCode, rows, trail }: ProgressTableProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  if (rows.length === 0) return <p className="muted">{t('progress.noChildren')}</p>;
  const count = (value: number): string => formatCount(language, value);
  return (
    <table className="results progress__table" data-testid="progress-table" data-region={regionCode}>
      <thead>
        <tr>
          <th scope="col">{t('progress.region')}</th>
          <th scope="col">{t('progress.open')}</th>
          <th scope="col">{t('progress.doneToday')}</th>
          <th scope="col">{t('progress.overdue')}</th>
          <th scope="col">{t('progress.median')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.code} data-testid="progress-row" data-code={row.code} data-level={row.level}>
            <td className="results__name" data-label={t('progress.region')}>
              {row.level === 'grid' ? row.name : <a href={progressHash([...trail, row.code])}>{row.name}</a>}{' '}
              <span className="muted">{t(`levels.${row.level}`, { defaultValue: row.level })}</span>
            </td>
            <td data-label={t('progress.open')}>{count(row.open)}</td>
            <td data-label={t('progress.doneToday')} data-testid="progress-done-today">
              {count(row.doneToday)}
            </td>
            <td data-label={t('progress.overdue')} className={row.overdue > 0 ? 'progress__overdue' : undefined}>
              {count(row.overdue)}
            </td>
            <td data-label={t('progress.median')}>
              {row.medianHoursToControl === null ? '—' : t('progress.hours', { value: row.medianHoursToControl.toFixed(1) })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
