/** The public list of current risk areas (no sign-in needed, no personal data); importers also see the lists of other jurisdictions. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './error-message.js';
import { ImportedRiskLists } from './imported-risk-lists.js';
import { fetchRiskAreas } from './judgment-api.js';
import { RiskAreaTable } from './risk-area-table.js';
import { useAsync } from './use-async.js';

/** Props of {@link RiskAreasPage}. */
export interface RiskAreasPageProps {
  /** Where "back" leads (the sign-in page when signed out). */
  readonly backHref?: string | undefined;
  /** Whether the signed-in user may import other jurisdictions' lists (`risk-area.import`): then they are shown too. */
  readonly canImport?: boolean;
}

/** The risk-area list with its rule, each area's level, start and drop day, and the CSV download; below it, for importers, the lists imported from other jurisdictions. */
export function RiskAreasPage({ backHref, canImport = false }: RiskAreasPageProps): ReactElement {
  const { t } = useTranslation();
  const list = useAsync(() => fetchRiskAreas(), []);
  return (
    <>
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
              <RiskAreaTable areas={list.data.areas} testId="risk-areas-table" rowTestId="risk-area-row" />
            )}
          </>
        )}
      </section>
      {canImport && <ImportedRiskLists ourLevels={list.data?.levels ?? []} />}
    </>
  );
}
