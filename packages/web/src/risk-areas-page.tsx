/** The public list of current risk areas: no sign-in needed, no personal data. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './error-message.js';
import { localName } from './format.js';
import { fetchRiskAreas } from './judgment-api.js';
import { useAsync } from './use-async.js';
import { useLanguage } from './use-language.js';

/** Props of {@link RiskAreasPage}. */
export interface RiskAreasPageProps {
  /** Where "back" leads (the sign-in page when signed out). */
  readonly backHref?: string | undefined;
}

/** The risk-area list with its rule, each area's level, start and drop day, and the CSV download. */
export function RiskAreasPage({ backHref }: RiskAreasPageProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useAsync(() => fetchRiskAreas(), []);
  return (
    <section className="panel risk-areas" data-testid="risk-areas-page">
      <div className="person__bar">
        <h2 className="panel__title">{t('areas.title')}</h2>
        {backHref !== undefined && (
          <a className="button button--ghost" href={backHref} data-testid="risk-areas-back">
            {t('areas.back')}
          </a>
        )}
      </div>
      {list.error !== null && <ErrorMessage error={list.error} testId="risk-areas-error" />}
      {list.data !== null && (
        <>
          <p className="panel__hint">
            {list.data.profileId === null ? t('areas.noRule') : t('areas.rule', { rule: list.data.profileId, unit: t(`areas.units.${list.data.unitLevel ?? 'community'}`) })}{' '}
            <a href="/api/risk-areas.csv" data-testid="risk-areas-csv">
              {t('areas.csv')}
            </a>
          </p>
          {list.data.areas.length === 0 ? (
            <p className="muted" data-testid="risk-areas-empty">
              {t('areas.none')}
            </p>
          ) : (
            <table className="results" data-testid="risk-areas-table">
              <thead>
                <tr>
                  <th>{t('areas.colArea')}</th>
                  <th>{t('areas.colLevel')}</th>
                  <th>{t('areas.colSince')}</th>
                  <th>{t('areas.colDrops')}</th>
                  <th>{t('areas.colInfections')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.areas.map((area) => (
                  <tr key={area.regionCode} className="results__row" data-testid="risk-area-row" data-level={area.level}>
                    <td data-label={t('areas.colArea')}>{localName(language, area.nameZh, area.nameEn)}</td>
                    <td data-label={t('areas.colLevel')}>
                      <span className={`chip chip--risk-${area.level}`} title={area.ruleId}>
                        {t(`areas.levels.${area.level}`, { defaultValue: area.level })}
                      </span>
                    </td>
                    <td data-label={t('areas.colSince')}>{area.since}</td>
                    <td data-label={t('areas.colDrops')}>{area.dropsAt ?? '—'}</td>
                    <td data-label={t('areas.colInfections')}>{area.infections}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
