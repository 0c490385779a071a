/** Transmission chains: clusters of linked cases, and each case's ranked candidate infectors. */
import { useMemo } from 'react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import { fetchChains } from './api-client.js';
import type { ChainCase, InfectorRanking } from './case-types.js';
import { ClusterTable } from './cluster-table.js';
import { ErrorMessage } from './error-message.js';
import { formatCount } from './format.js';
import { InfectorTable } from './infector-table.js';
import { useAsync } from './use-async.js';
import { useLanguage } from './use-language.js';

/** Props of {@link ChainsPage}. */
export interface ChainsPageProps {
  /** The session's declared purpose, carried by links to case pages. */
  readonly purpose: Purpose | null;
}

/** The chains page. */
export function ChainsPage({ purpose }: ChainsPageProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  // Chain analysis is contact-tracing work; that is the purpose declared unless the session chose another.
  const report = useAsync(() => fetchChains(purpose ?? 'contact_tracing'), [purpose]);
  const data = report.data;
  const casesById = useMemo(() => new Map<number, ChainCase>((data?.cases ?? []).map((c) => [c.caseId, c])), [data]);
  const rankings = useMemo(() => new Map<number, InfectorRanking>((data?.rankings ?? []).map((r) => [r.caseId, r])), [data]);
  const ordered = useMemo(() => [...(data?.cases ?? [])].sort((a, b) => a.date.localeCompare(b.date) || a.caseId - b.caseId), [data]);

  return (
    <section className="panel chains" aria-labelledby="chains-title" data-testid="chains-page">
      <h2 id="chains-title" className="panel__title">
        {t('chains.title')}
      </h2>
      <p className="panel__hint">{t('chains.hint')}</p>
      {report.loading && <p className="muted">{t('chains.loading')}</p>}
      {report.error !== null && <ErrorMessage error={report.error} testId="chains-error" />}
      {data !== null && (
        <>
          <p className="chains__summary" data-testid="chains-summary">
            {[
              t('chains.summaryCases', { count: data.cases.length, formattedCount: formatCount(language, data.cases.length) }),
              t('chains.summaryLinks', { count: data.links.length, formattedCount: formatCount(language, data.links.length) }),
              t('chains.summaryClusters', { count: data.clusters.length, formattedCount: formatCount(language, data.clusters.length) }),
            ].join(' · ')}
          </p>
          <section className="record__section" aria-labelledby="chains-clusters">
            <h3 id="chains-clusters">{t('chains.clusters')}</h3>
            {data.clusters.length === 0 ? (
              <p className="empty" data-testid="chains-no-clusters">
                {t('chains.noClusters')}
              </p>
            ) : (
              <ClusterTable clusters={data.clusters} cases={casesById} purpose={purpose} />
            )}
          </section>
          <section className="record__section" aria-labelledby="chains-infectors">
            <h3 id="chains-infectors">{t('chains.infectors')}</h3>
            {ordered.length === 0 ? (
              <p className="empty" data-testid="chains-no-cases">
                {t('chains.noCases')}
              </p>
            ) : (
              <InfectorTable cases={ordered} casesById={casesById} rankings={rankings} reproduction={data.reproduction} purpose={purpose} />
            )}
          </section>
        </>
      )}
    </section>
  );
}
