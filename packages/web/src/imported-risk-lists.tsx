/** Risk areas imported from other jurisdictions: each list with where and when it came from, and the import form. */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './error-message.js';
import { formatTimestamp } from './format.js';
import { fetchImportedRiskLists, type ImportedRiskList } from './judgment-api.js';
import { RiskAreaTable } from './risk-area-table.js';
import { countByLevel } from './risk-list-file.js';
import { RiskListImportForm } from './risk-list-import-form.js';
import { RiskListRemapForm } from './risk-list-remap-form.js';
import { useAsync } from './use-async.js';

// A national list holds thousands of areas; the page shows the first ones, the counts cover all.
const SHOWN_AREAS = 100;

/** Props of {@link ImportedRiskLists}. */
export interface ImportedRiskListsProps {
  /** This instance's levels, highest first, for changing a list's level mapping (none: no area rule in force). */
  readonly ourLevels: readonly string[];
}

/** The imported lists (read again after each import or change of mapping) and the form to import one; for users with `risk-area.import`. */
export function ImportedRiskLists({ ourLevels }: ImportedRiskListsProps): ReactElement {
  const { t } = useTranslation();
  const [reload, setReload] = useState(0);
  const lists = useAsync(() => fetchImportedRiskLists(), [reload]);
  return (
    <section className="panel risk-imports" data-testid="risk-imports">
      <h2 className="panel__title">{t('riskImports.title')}</h2>
      <p className="panel__hint">{t('riskImports.hint')}</p>
      {lists.error !== null && <ErrorMessage error={lists.error} testId="risk-imports-error" />}
      {lists.data?.length === 0 && (
        <p className="muted" data-testid="risk-imports-empty">
          {t('riskImports.none')}
        </p>
      )}
      {lists.data !== null && lists.data.length > 0 && (
        <ul className="review-list">
          {lists.data.map((list) => (
            <ImportedRiskListItem key={list.publisher} list={list} ourLevels={ourLevels} onChanged={() => setReload((n) => n + 1)} />
          ))}
        </ul>
      )}
      <RiskListImportForm onImported={() => setReload((n) => n + 1)} />
    </section>
  );
}

interface ItemProps {
  readonly list: ImportedRiskList;
  readonly ourLevels: readonly string[];
  readonly onChanged: () => void;
}

/** One imported list: publisher, counts by level, provenance, changing its level mapping, and its areas on demand. */
function ImportedRiskListItem({ list, ourLevels, onChanged }: ItemProps): ReactElement {
  const { t } = useTranslation();
  const [remapping, setRemapping] = useState(false);
  const [remapped, setRemapped] = useState(false);
  const hidden = list.areas.length - SHOWN_AREAS;
  return (
    <li className="review-item" data-testid="risk-import" data-publisher={list.publisher}>
      <p className="risk-imports__head">
        <strong data-testid="risk-import-publisher-name">{list.publisher}</strong>
        <span data-testid="risk-import-count">{t('riskImports.areas', { count: list.areas.length })}</span>
        {countByLevel(list.levels, list.areas).map(({ level, count, publishedAs }) => {
          const shown = t(`areas.levels.${level}`, { defaultValue: level });
          // A publisher's name that reads as this instance's level here says nothing more.
          const otherNames = publishedAs.filter((name) => name !== shown);
          return (
            <span key={level} className={`chip chip--risk-${level}`} data-testid="risk-import-level" data-level={level} data-published-as={publishedAs.join(',')}>
              {shown} · {count}
              {otherNames.length > 0 && ` · ${t('riskImports.publishedAs', { level: otherNames.join(' / ') })}`}
            </span>
          );
        })}
      </p>
      <p className="muted">
        {t('riskImports.source')} <span className="mono" data-testid="risk-import-source">{list.source}</span> · {t('riskImports.published')}{' '}
        {list.publishedAt === null ? t('riskImports.publishedUnknown') : formatTimestamp(list.publishedAt)} · {t('riskImports.imported')}{' '}
        {t('riskImports.importedBy', { time: formatTimestamp(list.importedAt), user: list.importedBy })}
        {list.profileId !== null && (
          <>
            {' '}
            · {t('riskImports.rule')} <span className="mono">{list.profileId}</span>
          </>
        )}
      </p>
      {/* Without an area rule here there is no level to map to; without areas, no name to map. */}
      {ourLevels.length > 0 && list.areas.length > 0 && !remapping && (
        <button
          className="button button--ghost"
          type="button"
          onClick={() => {
            setRemapping(true);
            setRemapped(false);
          }}
          data-testid="risk-import-remap"
        >
          {t('riskImports.remap')}
        </button>
      )}
      {remapping && (
        <RiskListRemapForm
          list={list}
          ourLevels={ourLevels}
          onCancel={() => setRemapping(false)}
          onSaved={() => {
            setRemapping(false);
            setRemapped(true);
            onChanged();
          }}
        />
      )}
      {remapped && (
        <p className="alert alert--info" role="status" data-testid="risk-import-remap-done">
          {t('riskImports.remapDone')}
        </p>
      )}
      {list.areas.length > 0 && (
        <details>
          <summary>{t('riskImports.showAreas')}</summary>
          <RiskAreaTable areas={list.areas.slice(0, SHOWN_AREAS)} testId="risk-import-areas" rowTestId="risk-import-area" />
          {hidden > 0 && <p className="muted">{t('riskImports.moreAreas', { count: hidden })}</p>}
        </details>
      )}
    </li>
  );
}
