/** Previous / next paging with the shown range. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from './format.js';
import { useLanguage } from './use-language.js';

/** Props of {@link Pager}. */
export interface PagerProps {
  readonly offset: number;
  readonly limit: number;
  readonly total: number;
  /** False when `total` is a lower bound ("1,000+"). */
  readonly totalExact: boolean;
  readonly onChange: (offset: number) => void;
}

/** The pager below search results. */
export function Pager({ offset, limit, total, totalExact, onChange }: PagerProps): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button
        type="button"
        className="button"
        disabled={offset === 0}
        onClick={() => onChange(Math.max(0, offset - limit))}
        data-testid="pager-prev"
      >
        ‹ {t('pager.previous')}
      </button>
      <span className="pager__range" data-testid="pager-range">
        {t('pager.range', { from: formatCount(language, from), to: formatCount(language, to), total: `${formatCount(language, total)}${totalExact ? '' : '+'}` })}
      </span>
      <button
        type="button"
        className="button"
        disabled={offset + limit >= total}
        onClick={() => onChange(offset + limit)}
        data-testid="pager-next"
      >
        {t('pager.next')} ›
      </button>
    </nav>
  );
}
