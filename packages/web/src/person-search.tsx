/** Person search within the jurisdiction: query, declared purpose, optional region filter, paged results. */
import { useState } from 'react';
import type { FormEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Purpose } from '@epigrid/core';
import { searchPersons } from './api-client.js';
import type { RegionNode } from './api-client.js';
import { ErrorMessage } from './error-message.js';
import { formatCount, localName } from './format.js';
import { Pager } from './pager.js';
import { PersonResults } from './person-results.js';
import { PurposeSelect } from './purpose-select.js';
import { useAsync } from './use-async.js';
import { useLanguage } from './use-language.js';

/** Results per page. */
export const pageSize = 20;

/** Props of {@link PersonSearch}. */
export interface PersonSearchProps {
  readonly purpose: Purpose | null;
  readonly onPurposeChange: (purpose: Purpose | null) => void;
  /** The region selected in the tree, which limits the search; null for the whole jurisdiction. */
  readonly region: RegionNode | null;
  readonly onClearRegion: () => void;
  /** Hidden (but kept, with its state) while a person's page is shown. */
  readonly hidden: boolean;
}

interface Submitted {
  readonly q: string;
  readonly nonce: number;
}

/** The search panel. */
export function PersonSearch({ purpose, onPurposeChange, region, onClearRegion, hidden }: PersonSearchProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [page, setPage] = useState({ key: '', offset: 0 });
  const [purposeMissing, setPurposeMissing] = useState(false);
  const regionId = region?.id ?? null;
  const key = `${submitted?.q ?? ''}|${submitted?.nonce ?? 0}|${purpose ?? ''}|${regionId ?? ''}`;
  const offset = page.key === key ? page.offset : 0;

  const results = useAsync(() => {
    if (submitted === null || purpose === null) return null;
    const q = submitted.q;
    return searchPersons({ q, purpose, regionId, limit: pageSize, offset }).then((found) => ({ ...found, q }));
  }, [submitted, purpose, regionId, offset]);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (purpose === null) {
      setPurposeMissing(true);
      document.getElementById('search-purpose')?.focus();
      return;
    }
    setPurposeMissing(false);
    setSubmitted({ q: text.trim(), nonce: (submitted?.nonce ?? 0) + 1 });
  };

  const changePurpose = (next: Purpose | null): void => {
    setPurposeMissing(false);
    onPurposeChange(next);
  };

  return (
    <section className="panel search" aria-labelledby="search-title" hidden={hidden} data-testid="person-search">
      <h2 id="search-title" className="panel__title">
        {t('search.title')}
      </h2>
      <form className="search__form" onSubmit={submit} role="search" noValidate>
        <div className="field search__purpose">
          <label className="field__label" htmlFor="search-purpose">
            {t('search.purpose')}
          </label>
          <PurposeSelect id="search-purpose" value={purpose} onChange={changePurpose} testId="purpose-select" invalid={purposeMissing} />
        </div>
        <div className="field search__query">
          <label className="field__label" htmlFor="search-query">
            {t('search.label')}
          </label>
          <div className="search__row">
            <input
              id="search-query"
              className="input"
              type="search"
              value={text}
              placeholder={t('search.placeholder')}
              onChange={(event) => setText(event.target.value)}
              autoComplete="off"
              spellCheck={false}
              data-testid="search-input"
            />
            <button type="submit" className="button button--primary" data-testid="search-submit">
              {t('search.submit')}
            </button>
          </div>
        </div>
      </form>
      <p className="panel__hint">{t('search.purposeHint')}</p>
      <div className="search__filter">
        <span className="muted">{t('search.region')}:</span>
        {region === null ? (
          <span className="chip">{t('search.wholeJurisdiction')}</span>
        ) : (
          <span className="chip chip--active" data-testid="region-filter">
            {localName(language, region.nameZh, region.nameEn)}
            <button type="button" className="chip__clear" onClick={onClearRegion} aria-label={t('search.clearRegion')} title={t('search.clearRegion')}>
              ×
            </button>
          </span>
        )}
      </div>
      {purposeMissing && (
        <p className="alert alert--error" role="alert" data-testid="purpose-required">
          {t('search.purposeRequired')}
        </p>
      )}
      <div className="search__results" aria-live="polite" aria-busy={results.loading}>
        {submitted === null && !purposeMissing && <p className="muted">{t('search.start')}</p>}
        {results.loading && <p className="muted">{t('search.searching')}</p>}
        {results.error !== null && <ErrorMessage error={results.error} testId="search-error" />}
        {results.data !== null && !results.loading && (
          <>
            <p className="search__total" data-testid="result-total" data-query={results.data.q}>
              {t('search.total', { count: results.data.total, formattedCount: formatCount(language, results.data.total) })}
            </p>
            {results.data.items.length === 0 ? (
              <p className="muted">{t('search.noResults')}</p>
            ) : (
              <>
                {purpose !== null && <PersonResults items={results.data.items} purpose={purpose} />}
                <Pager offset={offset} limit={pageSize} total={results.data.total} totalExact={results.data.totalExact} onChange={(next) => setPage({ key, offset: next })} />
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
