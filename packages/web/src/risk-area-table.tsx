/** A table of risk areas: name, level, start, drop day and infections; used for this instance's and imported lists. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { localName } from './format.js';
import type { RiskArea } from './judgment-api.js';
import { useLanguage } from './use-language.js';

/** Props of {@link RiskAreaTable}. */
export interface RiskAreaTableProps {
  /** The areas; an imported one also carries the level as its publisher named it. */
  readonly areas: ReadonlyArray<RiskArea & { readonly publishedLevel?: string }>;
  /** `data-testid` of the table. */
  readonly testId: string;
  /** `data-testid` of each row. */
  readonly rowTestId: string;
}

/** One row per area, its level as a coloured chip with the rule as tooltip (and the publisher's name of it when another). */
export function RiskAreaTable({ areas, testId, rowTestId }: RiskAreaTableProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <table className="results" data-testid={testId}>
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
        {areas.map((area) => {
          const shown = t(`areas.levels.${area.level}`, { defaultValue: area.level });
          const published = area.publishedLevel ?? area.level;
          return (
            <tr key={area.regionCode} className="results__row" data-testid={rowTestId} data-level={area.level}>
              <td data-label={t('areas.colArea')}>{localName(language, area.nameZh, area.nameEn)}</td>
              <td data-label={t('areas.colLevel')}>
                <span className={`chip chip--risk-${area.level}`} title={area.ruleId}>
                  {shown}
                </span>
                {published !== area.level && published !== shown && (
                  <span className="muted" data-testid="risk-area-published-level">
                    {' '}
                    {t('riskImports.publishedAs', { level: published })}
                  </span>
                )}
              </td>
              <td data-label={t('areas.colSince')}>{area.since}</td>
              <td data-label={t('areas.colDrops')}>{area.dropsAt ?? '—'}</td>
              <td data-label={t('areas.colInfections')}>{area.infections}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
