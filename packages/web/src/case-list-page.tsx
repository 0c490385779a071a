/** The case list of the jurisdiction, read for a declared purpose, newest report first, paged. */
import { useState } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import { fetchCases } from './api-client.js';
import { CaseTable } from './case-table.js';
import { ErrorMessage } from './error-message.js';
import { MorePager } from './more-pager.js';
import { PurposeBar } from './purpose-bar.js';
import { useAsync } from './use-async.js';

/** Cases per page. */
export const casePageSize = 50;

/** Props of {@link CaseListPage}. */
export interface CaseListPageProps {
  /** The declared purpose; the list is read only once there is one. */
  readonly purpose: Purpose | null;
  readonly onPurposeChange: (purpose: Purpose | null) => void;
}

/** The case list page. */
export function CaseListPage({ purpose, onPurposeChange }: CaseListPageProps): ReactElement {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  // One extra row tells whether there is a next page.
  const cases = useAsync(
    () => (purpose === null ? null : fetchCases({ purpose, limit: casePageSize + 1, offset }).then((items) => ({ items, offset }))),
    [purpose, offset],
  );
  const page = cases.data !== null && cases.data.offset === offset ? cases.data : null;
  const items = page?.items.slice(0, casePageSize) ?? [];

  return (
    <section className="panel cases" aria-labelledby="cases-title" data-testid="case-list">
      <h2 id="cases-title" className="panel__title">
        {t('cases.title')}
      </h2>
      <p className="panel__hint">{t('cases.hint')}</p>
      <PurposeBar id="cases-purpose" label={t('cases.purpose')} purpose={purpose} onPurposeChange={onPurposeChange} testId="cases-purpose-select" />
      {purpose === null && <p className="alert alert--info">{t('cases.choosePurpose')}</p>}
      <div aria-live="polite" aria-busy={cases.loading}>
        {cases.loading && page === null && <p className="muted">{t('cases.loading')}</p>}
        {cases.error !== null && <ErrorMessage error={cases.error} testId="cases-error" />}
        {page !== null && purpose !== null && (
          <>
            {items.length === 0 && offset === 0 ? (
              <p className="empty" data-testid="cases-empty">
                {t('cases.none')}
              </p>
            ) : (
              <>
                <CaseTable items={items} purpose={purpose} />
                <MorePager
                  offset={offset}
                  limit={casePageSize}
                  shown={items.length}
                  hasMore={page.items.length > casePageSize}
                  onChange={setOffset}
                  rangeKey="cases.range"
                />
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
