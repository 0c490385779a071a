/** Clusters of linked cases: name, size, span, the last two weeks and growth. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import type { ChainCase, Cluster } from './case-types.js';
import { ChainCaseLink } from './chain-case-link.js';
import { formatCount } from './format.js';
import { clusterName } from './setting-name.js';
import { useLanguage } from './use-language.js';

/** How many member cases a row lists by name. */
export const shownMembers = 12;

/** Props of {@link ClusterTable}. */
export interface ClusterTableProps {
  readonly clusters: readonly Cluster[];
  readonly cases: ReadonlyMap<number, ChainCase>;
  readonly purpose: Purpose | null;
}

/** The clusters table (cards on narrow screens). */
export function ClusterTable({ clusters, cases, purpose }: ClusterTableProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const growth = (cluster: Cluster): ReactElement => {
    if (cluster.growth === null) {
      return cluster.last7Days > 0 ? <span className="trend trend--up">{t('chains.growthNew')}</span> : <span className="muted">{t('chains.growthNone')}</span>;
    }
    const trend = cluster.growth > 1 ? 'up' : cluster.growth < 1 ? 'down' : 'flat';
    const arrow = trend === 'up' ? '▲' : trend === 'down' ? '▼' : '▶';
    return (
      <span className={`trend trend--${trend}`}>
        {arrow} ×{cluster.growth.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 })}
      </span>
    );
  };
  return (
    <table className="results clusters" data-testid="cluster-table">
      <thead>
        <tr>
          <th scope="col">{t('chains.colCluster')}</th>
          <th scope="col">{t('chains.colSize')}</th>
          <th scope="col">{t('chains.colSpan')}</th>
          <th scope="col">{t('chains.colWeeks')}</th>
          <th scope="col">{t('chains.colGrowth')}</th>
          <th scope="col">{t('chains.colMembers')}</th>
        </tr>
      </thead>
      <tbody>
        {clusters.map((cluster) => (
          <tr key={cluster.id} data-testid="cluster-row" data-cluster-id={cluster.id}>
            <td data-label={t('chains.colCluster')} className="results__name">
              <strong data-testid="cluster-name">{clusterName(t, cluster)}</strong>
            </td>
            <td data-label={t('chains.colSize')} className="num" data-testid="cluster-size">
              {formatCount(language, cluster.size)}
            </td>
            <td data-label={t('chains.colSpan')}>
              {t('chains.span', { first: cluster.firstDate, last: cluster.lastDate, count: cluster.spanDays })}
            </td>
            <td data-label={t('chains.colWeeks')} className="num">
              {cluster.last7Days} / {cluster.previous7Days}
            </td>
            <td data-label={t('chains.colGrowth')}>{growth(cluster)}</td>
            <td data-label={t('chains.colMembers')} className="clusters__members">
              {cluster.caseIds.slice(0, shownMembers).map((id) => (
                <ChainCaseLink key={id} caseId={id} chainCase={cases.get(id)} purpose={purpose} />
              ))}
              {cluster.caseIds.length > shownMembers && (
                <span className="muted">{t('chains.moreCases', { count: cluster.caseIds.length - shownMembers })}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
