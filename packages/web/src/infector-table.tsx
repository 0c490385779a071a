/** For each case, its candidate infectors ranked by likelihood, with whether tracing supports each. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import type { CandidateInfector, ChainCase, InfectorRanking } from './case-types.js';
import { ChainCaseLink } from './chain-case-link.js';
import { formatPercent } from './format.js';
import { useLanguage } from './use-language.js';

/** How many candidates a row shows before folding the rest. */
export const shownCandidates = 3;

/** Props of {@link InfectorTable}. */
export interface InfectorTableProps {
  /** Cases in date order. */
  readonly cases: readonly ChainCase[];
  readonly casesById: ReadonlyMap<number, ChainCase>;
  readonly rankings: ReadonlyMap<number, InfectorRanking>;
  readonly reproduction: Readonly<Record<string, number>>;
  readonly purpose: Purpose | null;
}

/** A table of cases: date, case reproduction number, ranked candidate infectors. */
export function InfectorTable({ cases, casesById, rankings, reproduction, purpose }: InfectorTableProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();

  const candidate = (c: CandidateInfector): ReactElement => (
    <li key={c.caseId} className="candidate" data-testid="candidate" data-case-id={c.caseId} data-traced={c.traced}>
      <ChainCaseLink caseId={c.caseId} chainCase={casesById.get(c.caseId)} purpose={purpose} />
      <span className="candidate__bar" aria-hidden="true">
        <span className={`candidate__fill${c.traced ? ' candidate__fill--traced' : ''}`} style={{ width: `${Math.max(2, Math.round(c.likelihood * 100))}%` }} />
      </span>
      <strong className="candidate__pct" data-testid="candidate-likelihood">
        {formatPercent(language, c.likelihood)}
      </strong>
      <span className={`badge ${c.traced ? 'badge--traced' : 'badge--untraced'}`}>{t(c.traced ? 'chains.traced' : 'chains.notTraced')}</span>
      <span className="muted candidate__gap">{t('chains.earlier', { count: c.intervalDays })}</span>
    </li>
  );

  return (
    <table className="results infectors" data-testid="infector-table">
      <thead>
        <tr>
          <th scope="col">{t('chains.colCase')}</th>
          <th scope="col">{t('chains.colDate')}</th>
          <th scope="col" title={t('chains.rTitle')}>
            {t('chains.colR')}
          </th>
          <th scope="col">{t('chains.colCandidates')}</th>
        </tr>
      </thead>
      <tbody>
        {cases.map((c) => {
          const ranking = rankings.get(c.caseId);
          const candidates = ranking?.candidates ?? [];
          const r = reproduction[String(c.caseId)];
          return (
            <tr key={c.caseId} data-testid="infector-row" data-case-id={c.caseId}>
              <td data-label={t('chains.colCase')} className="results__name">
                <ChainCaseLink caseId={c.caseId} chainCase={c} purpose={purpose} />
              </td>
              <td data-label={t('chains.colDate')}>{c.date}</td>
              <td data-label={t('chains.colR')} className="num" title={t('chains.rTitle')}>
                {r === undefined ? '—' : r.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 })}
              </td>
              <td data-label={t('chains.colCandidates')} className="infectors__candidates">
                {c.imported ? (
                  <span className="muted">{t('chains.imported')}</span>
                ) : candidates.length === 0 ? (
                  <span className="muted">{t('chains.noCandidates')}</span>
                ) : (
                  <>
                    <ol className="candidates">{candidates.slice(0, shownCandidates).map(candidate)}</ol>
                    {candidates.length > shownCandidates && (
                      <details className="candidates__more">
                        <summary>{t('chains.more', { count: candidates.length - shownCandidates })}</summary>
                        <ol className="candidates" start={shownCandidates + 1}>
                          {candidates.slice(shownCandidates).map(candidate)}
                        </ol>
                      </details>
                    )}
                    {ranking?.restrictedToTraced === true && <p className="candidates__note muted">{t('chains.restricted')}</p>}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
